#!/usr/bin/env bash
# Fresh Debian 12 to a full test run: installs what is missing, builds
# sqlrace and its tests, and runs every test with ctest (unit tests, the
# annotated testdata, the demo project). ctest prints the closing summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
# The build tree's guard against Clang includes in the Clang-free layers.
if grep -rn '#include "clang/' checker/sql checker/catalogue; then
  echo "error: checker/sql and checker/catalogue must not include Clang headers" >&2
  exit 1
fi
ROOT=$PWD
(cd "${SQLRACE_BUILD_DIR:-build}" && ctest -j 2 --output-on-failure)
# In CI, after ctest has passed (set -e stops on a failure), fuzz the SQL
# layer for a minute; a crash fails the run.
if [[ -n "${CI:-}" ]]; then "$ROOT/checker/sql/fuzz/build-and-run.sh" 60; fi
