#!/usr/bin/env bash
# Runs sqlrace on every crasher here and says, per case, whether it still
# ends with a signal (an assertion, a crash, a sanitizer abort, an uncaught
# exception) or, as it must, with exit status 0, 1 or 2. Exits 1 while any
# still crashes.
# Usage: checker/fuzz/crashers/check.sh [path/to/sqlrace]   (default build/bin/sqlrace)
# With build-asan/bin/sqlrace the ASan/UBSan-only ones show too.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SQLRACE=${1:-$HERE/../../../build/bin/sqlrace}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
bad=0

# try NAME ARGS...: runs sqlrace with ARGS and classifies how it ended.
try() {
  local name=$1; shift
  # The braces take bash's own "Aborted" line; sqlrace's stderr is kept.
  { timeout 600 "$SQLRACE" --quiet "$@" >/dev/null 2>"$TMP/stderr"; } 2>/dev/null
  local rc=$?
  if (( rc > 2 )); then
    bad=1
    local what
    what=$(grep -m1 -E 'Assertion|ERROR: AddressSanitizer|runtime error|LLVM ERROR|terminate' "$TMP/stderr" | cut -c1-140)
    echo "CRASH $name (status $rc): $what"
  else
    echo "ok    $name (status $rc)"
  fi
}

for f in "$HERE"/*.cpp; do
  try "$(basename "$f")" "$f" -- -std=c++17 -I/usr/include/postgresql
done
# JSON inputs: a number out of double's range, and 100,000 levels of nesting.
J=$HERE/json
try json/rules-1e400.json --rules="$J/rules-1e400.json" "$J/any.cpp" --
try json/config-1e400.sqlrace.json --config="$J/config-1e400.sqlrace.json" "$J/any.cpp" --
python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
deep = 100000
open(d + "/deep-rules.json", "w").write('{"library": "x", "functions": ' + "[" * deep + "]" * deep + "}")
open(d + "/deep.sqlrace.json", "w").write('{"check_options": ' + '{"a": ' * deep + "1" + "}" * deep + "}")
open(d + "/deep-baseline.json", "w").write('{"version": 1, "findings": ' + "[" * deep + "]" * deep + "}")
PY
try "rules nested 100,000 deep" --rules="$TMP/deep-rules.json" "$J/any.cpp" --
try "config nested 100,000 deep" --config="$TMP/deep.sqlrace.json" "$J/any.cpp" --
try "baseline nested 100,000 deep" --baseline="$TMP/deep-baseline.json" "$J/any.cpp" --
exit $bad
