#!/usr/bin/env bash
# Fresh Debian 12 to a first sqlrace run: installs what is missing, builds
# sqlrace, produces the demo service's compile_commands.json and runs sqlrace
# over the whole demo project. Exits 0 when sqlrace ran and found the demo's
# races, as it should.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
DEMO_BUILD=build/demo
cmake -G Ninja -S demo/signup-service -B "$DEMO_BUILD" \
  -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
echo
echo "== build/bin/sqlrace -p $DEMO_BUILD"
status=0
build/bin/sqlrace -p "$DEMO_BUILD" || status=$?
echo
case $status in
  1) echo "sqlrace found the demo's races (exit status 1), as expected."; exit 0 ;;
  0) echo "sqlrace found nothing in the demo: that is a bug." >&2; exit 1 ;;
  *) echo "sqlrace could not analyse the demo (exit status $status)." >&2; exit "$status" ;;
esac
