#!/usr/bin/env bash
# npm run db:backup  [-- --out FILE]
#   pg_dump -Fc of DATABASE_URL into var/backups/<database>-<UTC time>.dump (or FILE), written to a
#   temporary name, checked with pg_restore --list and only then renamed: a failed dump leaves no file.
# npm run db:restore -- FILE [--into URL] [--force]
#   pg_restore into DATABASE_URL (or URL). The database is created when missing; one that already has
#   tables is refused unless --force, which drops and recreates it. One transaction, --exit-on-error:
#   a restore that fails leaves an empty database, never a half-restored one.
# The environment wins over .env (scripts/lib/load-env.sh). Backups cover Postgres only: deck files live
# in STORAGE_DIR (back that directory up beside the dump) and Redis holds nothing that Postgres lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/load-env.sh
if [ -f .env ]; then load_env_file .env; fi

die() { echo "✗ $*" >&2; exit 1; }
: "${DATABASE_URL:?DATABASE_URL is not set (in the environment or .env)}"

# URL of the same server's maintenance database, for CREATE/DROP DATABASE.
admin_url_of() { node -e "const u=new URL(process.argv[1]);u.pathname='/postgres';console.log(u.toString())" "$1"; }
db_name_of() { node -e "console.log(decodeURIComponent(new URL(process.argv[1]).pathname.slice(1)))" "$1"; }

backup() {
  local out=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --out) out=${2:?--out needs a file}; shift 2 ;;
      --out=*) out=${1#--out=}; shift ;;
      *) die "db:backup: unknown argument $1" ;;
    esac
  done
  local name; name=$(db_name_of "$DATABASE_URL")
  if [ -z "$out" ]; then
    mkdir -p var/backups
    out="var/backups/${name}-$(date -u +%Y%m%dT%H%M%SZ).dump"
  fi
  local tmp="${out}.partial"
  trap 'rm -f "$tmp"' EXIT
  pg_dump --format=custom --no-owner --no-privileges --file="$tmp" "$DATABASE_URL"
  pg_restore --list "$tmp" >/dev/null || die "db:backup: the dump does not read back"
  mv "$tmp" "$out"
  trap - EXIT
  echo "Backed up $name to $out ($(du -h "$out" | cut -f1))."
}

restore() {
  local file="" into="$DATABASE_URL" force=no
  while [ $# -gt 0 ]; do
    case "$1" in
      --into) into=${2:?--into needs a URL}; shift 2 ;;
      --into=*) into=${1#--into=}; shift ;;
      --force) force=yes; shift ;;
      -*) die "db:restore: unknown option $1" ;;
      *) [ -z "$file" ] || die "db:restore: one file only"; file=$1; shift ;;
    esac
  done
  [ -n "$file" ] || die "usage: npm run db:restore -- FILE [--into URL] [--force]"
  [ -r "$file" ] || die "db:restore: cannot read $file"
  pg_restore --list "$file" >/dev/null || die "db:restore: $file is not a pg_dump -Fc archive"
  local name admin
  name=$(db_name_of "$into")
  admin=$(admin_url_of "$into")
  [[ "$name" =~ ^[A-Za-z0-9_-]+$ ]] || die "db:restore: unusual database name '$name'"
  if [ "$(psql "$admin" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" = 1 ]; then
    local tables
    tables=$(psql "$into" -tAc "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
    if [ "$tables" != 0 ]; then
      [ "$force" = yes ] || die "db:restore: $name already has $tables tables; restore into a new database (--into URL) or add --force to drop and recreate it"
      echo "Dropping $name (--force) …"
      psql "$admin" -q -c "DROP DATABASE \"$name\" WITH (FORCE)"
      psql "$admin" -q -c "CREATE DATABASE \"$name\""
    fi
  else
    psql "$admin" -q -c "CREATE DATABASE \"$name\""
  fi
  pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$into" "$file"
  echo "Restored $file into $name."
}

cmd=${1:-}; shift || true
case "$cmd" in
  backup) backup "$@" ;;
  restore) restore "$@" ;;
  *) die "usage: scripts/db-backup.sh backup [--out FILE] | restore FILE [--into URL] [--force]" ;;
esac
