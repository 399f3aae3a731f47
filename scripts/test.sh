#!/usr/bin/env bash
# `npm test`: every tier, in order — types and lint, unit, integration (real PostgreSQL), end-to-end
# (Playwright in Debian's Chromium). `npm test -- e2e` runs only the end-to-end tier.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST_URL="${PGHOST_URL:-postgresql://postgres@127.0.0.1:5432}"
tier="${1:-all}"

step() { printf '\n=== %s ===\n' "$1"; }

find_chromium() {
  for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$c" ] && [ -x "$c" ]; then export CHROMIUM_PATH="$c"; return 0; fi
  done
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Chromium absent : installation du paquet Debian chromium…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    export CHROMIUM_PATH=/usr/bin/chromium
    return 0
  fi
  echo "Chromium introuvable. Installez-le : sudo apt-get install -y chromium (ou définissez CHROMIUM_PATH)." >&2
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

if [ "$tier" = "all" ]; then
  step "Types (tsc)"
  npx tsc --noEmit -p .
  step "Lint (eslint) et mise en forme (prettier)"
  npx eslint . --max-warnings=0
  npx prettier --check . >/dev/null || { echo "Mise en forme à corriger : npm run format" >&2; exit 1; }
  step "Tests unitaires"
  npx vitest run
  step "Tests d'intégration (PostgreSQL 127.0.0.1:5432)"
  npx vitest run -c vitest.integration.config.mts
fi

if [ "$tier" = "all" ] || [ "$tier" = "e2e" ]; then
  step "Tests de bout en bout (Playwright, Chromium)"
  find_chromium
  export E2E_DATABASE_URL="${E2E_DATABASE_URL:-$PGHOST_URL/cpas_e2e}"
  DATABASE_URL="$E2E_DATABASE_URL" npx tsx scripts/db.ts reset
  NODE_OPTIONS="--conditions=react-server" npx playwright test
fi
