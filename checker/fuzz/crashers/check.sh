#!/usr/bin/env bash
# Runs sqlrace on every crasher here and says, per file, whether it still
# ends with a signal (an assertion, a crash, a sanitizer abort) or, as it
# must, with exit status 0, 1 or 2. Exits 1 while any still crashes.
# Usage: checker/fuzz/crashers/check.sh [path/to/sqlrace]   (default build/bin/sqlrace)
# With build-asan/bin/sqlrace the ASan/UBSan-only ones show too.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SQLRACE=${1:-$HERE/../../../build/bin/sqlrace}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
bad=0
for f in "$HERE"/*.cpp; do
  # The braces take bash's own "Aborted" line; sqlrace's stderr is kept.
  { "$SQLRACE" --quiet "$f" -- -std=c++17 -I/usr/include/postgresql >/dev/null 2>"$f.stderr.tmp"; } 2>/dev/null
  rc=$?
  if (( rc > 2 )); then
    bad=1
    what=$(grep -m1 -E 'Assertion|ERROR: AddressSanitizer|runtime error|LLVM ERROR|terminate' "$f.stderr.tmp" | cut -c1-140)
    echo "CRASH $(basename "$f") (status $rc): $what"
  else
    echo "ok    $(basename "$f") (status $rc)"
  fi
  rm -f "$f.stderr.tmp"
done
exit $bad
