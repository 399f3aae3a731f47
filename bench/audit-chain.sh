#!/usr/bin/env bash
# Benchmark of issue 9 (audit chain per centre): sign-ins in one centre while another imports 1,000
# contracts, as a ratio of sign-ins on the idle portal (docs/benchmarks.md). In process, no server
# and no build: the sign-in domain functions, and the import in a child process. Own local database
# cpas_bench_audit, recreated at each run.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/keep-checkout.sh
source bench/lib/keep-checkout.sh
keep_checkout_start

export BENCH_DATABASE_URL="${BENCH_AUDIT_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/cpas_bench_audit}"
# The reset drops the database: only a local one named for the benchmark.
if ! [[ "$BENCH_DATABASE_URL" =~ ^postgresql://[^/]*@(127\.0\.0\.1|localhost)(:[0-9]+)?/cpas_bench[a-z0-9_]*$ ]]; then
  echo "BENCH_AUDIT_DATABASE_URL doit désigner une base PostgreSQL locale nommée cpas_bench*." >&2
  exit 2
fi

echo "=== Base du banc d'essai de l'audit (recréée) ==="
DATABASE_URL="$BENCH_DATABASE_URL" npx tsx scripts/db.ts reset

if [ ! -f lib/generated/prisma/client.ts ]; then
  PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate >/dev/null
fi

echo "=== Connexions dans un centre pendant un import de 1 000 contrats dans un autre ==="
# At most 10 minutes: the run never keeps the machine busy for long.
NODE_OPTIONS="--conditions=react-server" timeout --kill-after=10 600 node_modules/.bin/tsx bench/audit-chain.ts
