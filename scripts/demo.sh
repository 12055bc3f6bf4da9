#!/usr/bin/env bash
# npm run demo — one command from a fresh clone to a running Tourong with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
source scripts/lib/load-env.sh

node scripts/ensure-deps.js

if [ ! -f .env ]; then
  secret=$(node -e "console.log(require('crypto').randomBytes(32).toString('hex'))")
  sed "s/^JWT_SECRET=.*/JWT_SECRET=$secret/" .env.example > .env
  echo "Created .env from .env.example with a fresh JWT_SECRET."
fi
# The environment wins over .env: `PORT=3100 npm run demo` serves on 3100.
load_env_file .env

ensure_postgres
ensure_redis

db_name=$(node -e "console.log(new URL(process.env.DATABASE_URL).pathname.slice(1))")
admin_url=$(node -e "const u=new URL(process.env.DATABASE_URL);u.pathname='/postgres';console.log(u.toString())")
if ! psql "$admin_url" -tAc "SELECT 1 FROM pg_database WHERE datname='$db_name'" | grep -q 1; then
  psql "$admin_url" -c "CREATE DATABASE \"$db_name\"" >/dev/null
  echo "Created database $db_name."
fi

echo "Building …"
npm run --silent build
if [ ! -f apps/web/node_modules/.package-lock.json ]; then npm --prefix apps/web install --no-audit --no-fund; fi
npm --prefix apps/web run --silent build
echo "Migrating …"
node scripts/migrate.js
echo "Loading demo data …"
node dist/db/seeds/seed-demo.js

mkdir -p var/log
node dist/apps/api/src/main.js > var/log/api.log 2>&1 &
api_pid=$!
node dist/apps/worker/src/main.js > var/log/worker.log 2>&1 &
worker_pid=$!

stop() {
  trap - INT TERM
  echo; echo "Stopping …"
  kill -TERM "$api_pid" "$worker_pid" 2>/dev/null || true
  wait "$api_pid" "$worker_pid" 2>/dev/null || true
  exit 0
}
trap stop INT TERM

# Wait for readiness as long as the API process lives (a loaded machine boots slowly), at most 5 min.
ready=no
for _ in $(seq 1 600); do
  if curl -fsS "http://${HOST:-127.0.0.1}:${PORT:-3000}/api/v1/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
  kill -0 "$api_pid" 2>/dev/null || break
  sleep 0.5
done
if [ "$ready" != yes ]; then
  echo "✗ The API did not become ready. Last lines of var/log/api.log:" >&2
  tail -n 20 var/log/api.log >&2
  stop
fi

cat <<MSG

  Tourong is running (Ctrl-C stops everything).
    Web app        http://${HOST:-127.0.0.1}:${PORT:-3000}/
    API            http://${HOST:-127.0.0.1}:${PORT:-3000}/api/v1
    API docs       http://${HOST:-127.0.0.1}:${PORT:-3000}/api/docs
    Readiness      http://${HOST:-127.0.0.1}:${PORT:-3000}/api/v1/health/ready
    Worker health  http://${HOST:-127.0.0.1}:${WORKER_HEALTH_PORT:-3001}/health/ready
    Logs           var/log/api.log, var/log/worker.log

MSG
wait "$api_pid" "$worker_pid"
