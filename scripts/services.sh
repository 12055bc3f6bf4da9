#!/usr/bin/env bash
# Makes sure Postgres and Redis answer. Local and stopped: start them with this machine's own
# commands. Remote or not installed: say exactly what to run. Sourced by demo.sh and .ci/run.

PG_HOST="${PGHOST:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"

wait_for() { # name, command…
  local name=$1; shift
  for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "✗ $name did not become ready" >&2
  return 1
}

ensure_postgres() {
  if pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; then return 0; fi
  if [[ "$PG_HOST" =~ ^(127\.0\.0\.1|localhost)$ ]] && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "Starting local PostgreSQL …"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    wait_for PostgreSQL pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
  else
    cat >&2 <<MSG
✗ PostgreSQL is not reachable at $PG_HOST:$PG_PORT.
  Start it, for example:
    pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start
  or, with Docker:
    JWT_SECRET=\$(openssl rand -hex 32) MEILI_MASTER_KEY=\$(openssl rand -hex 16) docker compose -f docker/compose.yml up -d postgres redis
MSG
    return 1
  fi
}

ensure_redis() {
  if redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then return 0; fi
  if [[ "$REDIS_HOST" =~ ^(127\.0\.0\.1|localhost)$ ]] && command -v redis-server >/dev/null; then
    echo "Starting local Redis …"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
    wait_for Redis sh -c "redis-cli -h $REDIS_HOST -p $REDIS_PORT ping | grep -q PONG"
  else
    cat >&2 <<MSG
✗ Redis is not reachable at $REDIS_HOST:$REDIS_PORT.
  Start it, for example:
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  or, with Docker:
    JWT_SECRET=\$(openssl rand -hex 32) MEILI_MASTER_KEY=\$(openssl rand -hex 16) docker compose -f docker/compose.yml up -d postgres redis
MSG
    return 1
  fi
}
