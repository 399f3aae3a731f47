# Sourced by the benchmark scripts: the checkout is left as it was found. `next build` into a side
# folder rewrites tsconfig.json; scripts/lib/build-if-needed.ts puts it back after the build, and
# this trap does too if the run is interrupted during a build. At the end, a warning names the
# tracked files if their state differs from the start (another person's edit shows up there too).
keep_checkout_start() {
  KEEP_TSCONFIG="$(mktemp)"
  cp tsconfig.json "$KEEP_TSCONFIG"
  KEEP_STATUS_BEFORE="$(git status --porcelain --untracked-files=no 2>/dev/null | sort; git diff 2>/dev/null | sha256sum)"
  trap keep_checkout_end EXIT
}
keep_checkout_end() {
  local status=$?
  cmp -s "$KEEP_TSCONFIG" tsconfig.json || cp "$KEEP_TSCONFIG" tsconfig.json
  rm -f "$KEEP_TSCONFIG"
  local after
  after="$(git status --porcelain --untracked-files=no 2>/dev/null | sort; git diff 2>/dev/null | sha256sum)"
  if [ "$after" != "$KEEP_STATUS_BEFORE" ]; then
    echo "Attention : des fichiers suivis ont changé pendant le banc d'essai (ou quelqu'un d'autre les a modifiés) :" >&2
    git status --short --untracked-files=no >&2
  fi
  exit "$status"
}
