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
CLANG_FREE=(checker/sql checker/schema checker/catalogue
            checker/project/include/sqlrace/project/CheckList.h
            checker/project/lib/CheckList.cpp)
if grep -rnE '#[[:space:]]*include[[:space:]]*[<"]clang(-c)?/' "${CLANG_FREE[@]}"; then
  echo "error: ${CLANG_FREE[*]} must not include Clang headers" >&2
  exit 1
fi
ROOT=$PWD
BUILD=${SQLRACE_BUILD_DIR:-build}
(cd "$BUILD" && ctest -j 2 --output-on-failure) | tee "$BUILD/ctest.log"
# In CI, after ctest has passed (set -e and pipefail stop on a failure): fuzz
# the SQL layer for a minute, run the testdata and the demo through
# an ASan+UBSan build (build-asan/), and fuzz the whole pipeline on generated
# C++ and the JSON loaders, and run the scaling benchmark. Each step runs even when an earlier one failed, so
# one CI run shows every report; any failure fails the run. Their lengths:
# SQLRACE_SANITIZE_SUBSET (every N-th testdata file; default 1, all of them:
# about 10 min on 2 cores, 4 makes it under 3),
# SQLRACE_FUZZ_PIPELINE_SECS (180), SQLRACE_FUZZ_JSON_SECS (60).
if [[ -n "${CI:-}" ]]; then
  ci_failed=()
  t=$SECONDS
  "$ROOT/checker/sql/fuzz/build-and-run.sh" 60 || ci_failed+=("SQL fuzzer")
  echo "ci: SQL fuzzer step: $((SECONDS - t)) s"; t=$SECONDS
  SQLRACE_FUZZERS=ON "$ROOT/scripts/sanitize.sh" --subset "${SQLRACE_SANITIZE_SUBSET:-1}" ||
    ci_failed+=("sanitizer run")
  echo "ci: sanitizer step (build and run): $((SECONDS - t)) s"; t=$SECONDS
  "$ROOT/checker/fuzz/run-fuzzers.sh" "${SQLRACE_FUZZ_PIPELINE_SECS:-180}" \
    "${SQLRACE_FUZZ_JSON_SECS:-60}" || ci_failed+=("pipeline/JSON fuzzers")
  echo "ci: pipeline and JSON fuzzer step: $((SECONDS - t)) s"; t=$SECONDS
  # Scaling benchmark (bench/README.md), a script rather than a ctest: the
  # per-unit cost of each series may grow at most 2x from the smallest size
  # to the largest here (the benchmark's own bound, 1.5x, leaves no room for
  # a loaded CI machine), and the 2000-call function at most 2.5x its parse.
  # SQLRACE_SCALING=0 skips it.
  if [[ "${SQLRACE_SCALING:-1}" == 1 ]]; then
    python3 "$ROOT/bench/scaling.py" --quick --sqlrace "$BUILD/bin/sqlrace" \
      --bound 2.0 --require-parse-ratio 2.5 || ci_failed+=("scaling benchmark")
    echo "ci: scaling benchmark step: $((SECONDS - t)) s"
  fi
  if [[ ${#ci_failed[@]} -gt 0 ]]; then
    echo "error: failed in CI: ${ci_failed[*]}" >&2
    exit 1
  fi
fi
# End with ctest's summary, so it is the run's closing line.
grep -E '^[0-9]+% tests passed' "$BUILD/ctest.log"
