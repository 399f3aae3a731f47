#!/usr/bin/env bash
# `npm run bench`: benchmarks of the access-management pages on a centre of 5,000 users, as ratios
# of a trivial page of the same server (docs/benchmarks.md). Uses its own local database,
# cpas_bench, recreated at each run, and a portal on 127.0.0.1:${BENCH_PORT:-3400} built like
# `npm start` but in its own folder, .next-bench (BENCH_DIST_DIR for another). The checkout is left
# as found (bench/lib/keep-checkout.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/keep-checkout.sh
source bench/lib/keep-checkout.sh
keep_checkout_start

export NEXT_DIST_DIR="${BENCH_DIST_DIR:-.next-bench}"
export BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/cpas_bench}"
# The reset drops the database: only a local one named for the benchmark.
if ! [[ "$BENCH_DATABASE_URL" =~ ^postgresql://[^/]*@(127\.0\.0\.1|localhost)(:[0-9]+)?/cpas_bench[a-z0-9_]*$ ]]; then
  echo "BENCH_DATABASE_URL doit désigner une base PostgreSQL locale nommée cpas_bench*." >&2
  exit 2
fi

echo "=== Base de banc d'essai (recréée) ==="
DATABASE_URL="$BENCH_DATABASE_URL" npx tsx scripts/db.ts reset

if [ ! -f lib/generated/prisma/client.ts ]; then
  PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate >/dev/null
fi

echo "=== Tableau de bord, recherche et page de qualité (5 000 utilisateurs) ==="
# At most 10 minutes, build included: the run never keeps a server or the machine busy for long.
NODE_OPTIONS="--conditions=react-server" timeout --kill-after=10 600 node_modules/.bin/tsx bench/access-dashboard.ts

# Issue 4: the C60.7 API and the ONEM queue (its own database and port).
bash bench/c607.sh

# Issue 9: sign-ins in one centre while another imports 1,000 contracts (its own database, no server).
bash bench/audit-chain.sh
