#!/usr/bin/env bash
# `npm test`: every tier, in order — types and lint, unit, integration (real PostgreSQL), end-to-end
# (Playwright in Debian's Chromium). `npm test -- e2e` runs only the end-to-end tier.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST_URL="${PGHOST_URL:-postgresql://postgres@127.0.0.1:5432}"
tier="${1:-all}"

# Each step says when it starts (seconds since the start of npm test): the tiers' durations, read
# off the log, are what docs/benchmarks.md (goal 6) reports.
step() { printf '\n=== %s (t+%ss) ===\n' "$1" "$SECONDS"; }

# Debian's Chromium headless shell first (package chromium-headless-shell: the same Blink and V8
# without the browser's windowing layers, the build Playwright itself uses for headless runs): on
# 2 cores the end-to-end tier is bound by Chromium's CPU, and the shell needs about a quarter less
# for the same tests (issue 15, goal 6; docs/benchmarks.md). The full browser when it is absent.
find_chromium() {
  for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium-headless-shell /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$c" ] && [ -x "$c" ]; then export CHROMIUM_PATH="$c"; return 0; fi
  done
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Chromium absent : installation du paquet Debian chromium-headless-shell…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null
    export CHROMIUM_PATH=/usr/bin/chromium-headless-shell
    return 0
  fi
  echo "Chromium introuvable. Installez-le : sudo apt-get install -y chromium-headless-shell (ou chromium, ou définissez CHROMIUM_PATH)." >&2
  exit 1
}

# The real tools some tests check against: openssl (encryption, certificates), ssh-keygen (batch-channel keys).
require_tool() {
  command -v "$1" >/dev/null && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "$1 absent : installation du paquet Debian $2…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    return 0
  fi
  echo "$1 introuvable. Installez-le : sudo apt-get install -y $2" >&2
  exit 1
}
require_tool openssl openssl
require_tool ssh-keygen openssh-client
# A real OpenSSH server on loopback for the batch-channel deposit tests (started by the tests).
[ -x /usr/sbin/sshd ] || require_tool sshd openssh-server

step "Génération du client Prisma"
PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate >/dev/null

# The portal's production build, which the end-to-end tier serves, is made in the background while
# the static checks and the unit and integration tiers run: tsc and eslint use one core each, and
# the integration tier mostly waits on PostgreSQL. Its output goes to a log shown if it fails.
build_log="$(mktemp)"
build_pid=""
if [ "$tier" = "all" ] || [ "$tier" = "e2e" ]; then
  NEXT_TELEMETRY_DISABLED=1 NODE_OPTIONS="--conditions=react-server" \
    npx tsx -e "import('./scripts/lib/build-if-needed.ts').then((m) => m.buildIfNeeded(process.cwd(), process.env))" >"$build_log" 2>&1 &
  build_pid=$!
fi
wait_for_build() {
  [ -n "$build_pid" ] || return 0
  if ! wait "$build_pid"; then
    cat "$build_log" >&2
    echo "La construction de l'application a échoué." >&2
    exit 1
  fi
  build_pid=""
}
trap '[ -n "$build_pid" ] && kill "$build_pid" 2>/dev/null; rm -f "$build_log"' EXIT

if [ "$tier" = "all" ]; then
  step "Types (tsc)"
  npx tsc --noEmit -p .
  step "Lint (eslint) et mise en forme (prettier)"
  npx eslint . --max-warnings=0
  npx prettier --check . >/dev/null || { echo "Mise en forme à corriger : npm run format" >&2; exit 1; }
  step "Tests unitaires"
  npx vitest run
  step "Tests d'intégration (PostgreSQL 127.0.0.1:5432, ${INTEGRATION_WORKERS:-2} fichiers à la fois)"
  npx vitest run -c vitest.integration.config.mts
fi

if [ "$tier" = "all" ] || [ "$tier" = "e2e" ]; then
  step "Tests de bout en bout (Playwright, Chromium, ${E2E_WORKERS:-2} portails à la fois)"
  find_chromium
  export E2E_DATABASE_URL="${E2E_DATABASE_URL:-$PGHOST_URL/cpas_e2e}"
  # One database per Playwright worker (e2e/fixtures/e2e-env.ts): the first, then <first>_s1…
  # All at once (issue 15, goal 6): each reset is mostly a Node start and PostgreSQL's work.
  reset_pids=()
  for ((n = 0; n < ${E2E_WORKERS:-2}; n++)); do
    url="$E2E_DATABASE_URL"; [ "$n" = 0 ] || url="${E2E_DATABASE_URL}_s$n"
    DATABASE_URL="$url" npx tsx scripts/db.ts reset >/dev/null &
    reset_pids+=($!)
  done
  for pid in "${reset_pids[@]}"; do wait "$pid"; done
  echo "Attente de la construction de l'application…"
  wait_for_build
  NODE_OPTIONS="--conditions=react-server" npx playwright test "${@:2}"
fi

printf '\nTous les tests sont passés en %ss.\n' "$SECONDS"
