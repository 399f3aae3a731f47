#!/usr/bin/env bash
# Benchmark of C60.7 (issue 4): sends through the JSON API with a personal token, and the ONEM queue
# over 100,000 requests, as ratios of /login (docs/c607.md, "Performances"). Own local database
# cpas_bench_c607 (recreated at each run), portal on 127.0.0.1:${BENCH_PORT:-3700}, build folder
# .next-bench-c607. Standalone for now; scripts/bench.sh may call it at its end.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/keep-checkout.sh
source bench/lib/keep-checkout.sh
keep_checkout_start

export BENCH_PORT="${BENCH_PORT:-3700}"
export BENCH_DATABASE_URL="${BENCH_C607_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/cpas_bench_c607}"
export NEXT_DIST_DIR="${BENCH_C607_DIST_DIR:-.next-bench-c607}"
# The run drops and recreates the database: only a local one named for the benchmark.
if ! [[ "$BENCH_DATABASE_URL" =~ ^postgresql://[^/]*@(127\.0\.0\.1|localhost)(:[0-9]+)?/cpas_bench[a-z0-9_]*$ ]]; then
  echo "BENCH_C607_DATABASE_URL doit désigner une base PostgreSQL locale nommée cpas_bench*." >&2
  exit 2
fi

if [ ! -f lib/generated/prisma/client.ts ]; then
  PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate >/dev/null
fi

echo "=== C60.7 : envois par l'API (jeton) et file ONEM (100 000 demandes) ==="
# At most 10 minutes, build included: the run never keeps a server or the machine busy for long.
NODE_OPTIONS="--conditions=react-server" timeout --kill-after=10 600 node_modules/.bin/tsx bench/c607-queue.ts
