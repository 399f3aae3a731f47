#!/usr/bin/env bash
# `npm run bench:national` (issue 15, goal 3): the national dataset on its own local database,
# cpas_bench_national (recreated at each run), then `npm run audit:verify` over its 2 million
# events, timed with its peak memory (it also records each chain's checkpoint, as the hourly jobs
# do on a live portal: the security log starts from there), then the pages measured on it as
# ratios of /login (bench/national.ts). Portal on 127.0.0.1:${BENCH_PORT:-3420}, built in
# .next-bench (docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/keep-checkout.sh
source bench/lib/keep-checkout.sh
keep_checkout_start

# shellcheck source=bench/lib/bench-database.sh
source bench/lib/bench-database.sh
bench_database BENCH_NATIONAL_DATABASE_URL postgresql://postgres@127.0.0.1:5432/cpas_bench_national
export BENCH_PORT="${BENCH_PORT:-3420}"
export NEXT_DIST_DIR="${BENCH_DIST_DIR:-.next-bench}"

echo "Charge au départ : $(uptime)"
# BENCH_NATIONAL_REUSE=1 keeps the dataset of the previous run (applying any migration added since).
if [ "${BENCH_NATIONAL_REUSE:-}" != 1 ]; then
  echo "=== Base nationale (recréée) ==="
  bench_reset
else
  DATABASE_URL="$BENCH_DATABASE_URL" npx tsx scripts/db.ts migrate
fi

echo "=== Données nationales ==="
BENCH_NATIONAL_PHASE=data NODE_OPTIONS="--conditions=react-server" timeout --kill-after=10 3600 node_modules/.bin/tsx bench/national.ts

echo "=== npm run audit:verify sur les événements d'audit nationaux ==="
# The same secrets as the run (bench/lib/bench-env.ts); GNU time gives the peak memory (max RSS).
events=$(psql -Atq "$BENCH_DATABASE_URL" -c 'SELECT count(*) FROM "AuditEvent"')
start=$(date +%s.%N)
/usr/bin/time -f "%e s (processeur : %U s utilisateur, %S s système), mémoire max %M Kio" env DATABASE_URL="$BENCH_DATABASE_URL" \
  PORTAL_DATA_KEY="$(printf '\013%.0s' $(seq 32) | base64)" PORTAL_INDEX_KEY="$(printf '\015%.0s' $(seq 32) | base64)" \
  NEXTAUTH_SECRET=bench-only-secret-bench-only-secret-bench-only npm run --silent audit:verify
end=$(date +%s.%N)
awk -v e="$events" -v s="$start" -v t="$end" 'BEGIN { printf "%d événements, %.1f s par million d'\''événements\n", e, (t - s) / (e / 1e6) }'
echo "Charge après la vérification : $(uptime)"

echo "=== Pages mesurées ==="
BENCH_NATIONAL_PHASE=pages NODE_OPTIONS="--conditions=react-server" timeout --kill-after=10 3600 node_modules/.bin/tsx bench/national.ts
echo "Charge à la fin : $(uptime)"
