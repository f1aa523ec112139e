#!/usr/bin/env bash
# Fresh Debian 12 to a full test run: installs what is missing, builds
# sqlrace and its tests, and runs every test with ctest (unit tests, the
# annotated testdata, the demo project). ctest prints the closing summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
# Microsoft's SARIF validator, for the sarif-validate test (npm, cached).
scripts/install-sarif-validator.sh
# The build tree's guard against Clang includes in the Clang-free layers.
if grep -rn '#include "clang/' checker/sql checker/catalogue; then
  echo "error: checker/sql and checker/catalogue must not include Clang headers" >&2
  exit 1
fi
ROOT=$PWD
BUILD=${SQLRACE_BUILD_DIR:-build}
(cd "$BUILD" && ctest -j 2 --output-on-failure) | tee "$BUILD/ctest.log"
# In CI, after ctest has passed (set -e and pipefail stop on a failure), fuzz
# the SQL layer for a minute; a crash fails the run.
if [[ -n "${CI:-}" ]]; then
  "$ROOT/checker/sql/fuzz/build-and-run.sh" 60
  echo "fuzz: 60 s without a crash"
fi
# End with ctest's summary, so it is the run's closing line.
grep -E '^[0-9]+% tests passed' "$BUILD/ctest.log"
