#!/usr/bin/env bash
# `npm run bench:cluster` (issue 15, goal 4): the same request mix against one instance, one
# instance behind HAProxy and two instances behind HAProxy, on one PostgreSQL; then that the
# background jobs ran once (bench/cluster.ts, docs/benchmarks.md). Own local database
# cpas_bench_cluster (recreated at each run), ports ${BENCH_CLUSTER_PORT:-5100}+1, +2 (instances)
# and +10 (HAProxy), build folder .next-cluster (BENCH_DIST_DIR for another). The checkout is left
# as found (bench/lib/keep-checkout.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/keep-checkout.sh
source bench/lib/keep-checkout.sh
keep_checkout_start

# The load balancer: HAProxy from Debian, installed as scripts/test.sh installs its tools (as root).
if ! command -v haproxy >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "HAProxy absent : installation du paquet Debian haproxy…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  else
    echo "HAProxy est requis comme répartiteur de charge : sudo apt-get install -y haproxy (paquet Debian)." >&2
    exit 2
  fi
fi
# shellcheck source=bench/lib/bench-database.sh
source bench/lib/bench-database.sh
bench_database BENCH_CLUSTER_DATABASE_URL postgresql://postgres@127.0.0.1:5432/cpas_bench_cluster
export NEXT_DIST_DIR="${BENCH_DIST_DIR:-.next-cluster}"

echo "=== Base du banc deux instances (recréée) ==="
bench_reset

echo "=== Une instance, une instance derrière HAProxy, deux instances derrière HAProxy ==="
# At most 20 minutes, build included.
NODE_OPTIONS="--conditions=react-server" timeout --kill-after=10 1200 node_modules/.bin/tsx bench/cluster.ts
