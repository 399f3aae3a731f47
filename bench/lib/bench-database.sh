# Sourced by the benchmark scripts: `bench_database VAR DEFAULT` exports BENCH_DATABASE_URL from $VAR
# (or DEFAULT), refusing anything but a local PostgreSQL database named cpas_bench* (the run drops
# it); `bench_reset` recreates it with the migrations and makes sure the Prisma client exists.
bench_database() {
  export BENCH_DATABASE_URL="${!1:-$2}"
  if ! [[ "$BENCH_DATABASE_URL" =~ ^postgresql://[^/]*@(127\.0\.0\.1|localhost)(:[0-9]+)?/cpas_bench[a-z0-9_]*$ ]]; then
    echo "$1 doit désigner une base PostgreSQL locale nommée cpas_bench*." >&2
    exit 2
  fi
}
bench_reset() {
  DATABASE_URL="$BENCH_DATABASE_URL" npx tsx scripts/db.ts reset
  if [ ! -f lib/generated/prisma/client.ts ]; then
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate >/dev/null
  fi
}
