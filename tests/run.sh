#!/usr/bin/env bash
# Runs every test of ZoomPortal and ends with one line: "N passed, N failed".
# Needs: the .NET 10 SDK, Node/npm, Debian's chromium, postgresql, redis-server and nginx (.ci/run installs them).
# PostgreSQL and Redis: uses ZOOMPORTAL_TEST_POSTGRES / ZOOMPORTAL_TEST_REDIS when set, otherwise starts throwaway servers.
set -uo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
RESULTS="$REPO/artifacts/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

started_services=0
if [ -z "${ZOOMPORTAL_TEST_POSTGRES:-}" ]; then
  if ! services_env="$("$REPO/.ci/services.sh" start)"; then
    echo "Could not start PostgreSQL/Redis for the tests (see above)." >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  eval "$services_env"
  started_services=1
fi
cleanup() { if [ "$started_services" = 1 ]; then "$REPO/.ci/services.sh" stop; fi; }
trap cleanup EXIT

# Node packages the tests use (the signature verifier); restored from their lock files.
for dir in tests/signer-verify; do
  if [ -f "$dir/package.json" ] && [ ! -d "$dir/node_modules" ]; then
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error || { echo "npm ci failed in $dir"; echo "0 passed, 1 failed"; exit 1; }
  fi
done

# Benchmarks measure, they don't assert: they run on demand (see docs/performance.md), not here.
filter=(--filter "Category!=Benchmark")
for arg in "$@"; do case "$arg" in --filter|--filter=*) filter=() ;; esac; done
dotnet test ZoomPortal.sln --logger "trx" --results-directory "$RESULTS" "${filter[@]}" "$@"
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p="$(get passed)"; f="$(get failed)"; e="$(get error)"; t="$(get timeout)"; a="$(get aborted)"; total="$(get total)"; exec_="$(get executed)"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${exec_:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any result was written: count it, never report green.
  failed=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
