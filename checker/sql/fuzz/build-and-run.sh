#!/usr/bin/env bash
# Builds the SQL layer's libFuzzer target (StatementFuzzer.cpp plus the
# sqlrace_sql sources, clang++-19, -fsanitize=fuzzer,address,undefined) into
# build/fuzz/, writes a seed corpus made from the unit tests' statements, and
# fuzzes for SECONDS (default 60). Exits non-zero when libFuzzer finds a crash,
# a sanitizer report, a timeout or an out-of-memory; the input that caused it
# is left in build/fuzz/artifacts/. Usage: build-and-run.sh [SECONDS]
# Needs clang-19 and libclang-rt-19-dev (scripts/install-deps.sh).
set -euo pipefail
SECS=${1:-60}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
BUILD_DIR=${SQLRACE_BUILD_DIR:-build}
[[ "$BUILD_DIR" = /* ]] || BUILD_DIR="$ROOT/$BUILD_DIR"
OUT="$BUILD_DIR/fuzz"

if [[ ! -f "$OUT/build.ninja" ]]; then
  cmake -G Ninja -S "$ROOT/checker/sql/fuzz" -B "$OUT" \
    -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_BUILD_TYPE=
fi
ninja -C "$OUT" -j "${SQLRACE_JOBS:-2}" sqlrace_sql_fuzzer

# Seeds are rewritten each run; corpus/ keeps what earlier runs found.
rm -rf "$OUT/seeds"
python3 "$ROOT/checker/sql/tests/extract_pg_corpus.py" --seeds "$OUT/seeds"
mkdir -p "$OUT/corpus" "$OUT/artifacts"

echo "fuzz: running sqlrace_sql_fuzzer for ${SECS}s"
"$OUT/sqlrace_sql_fuzzer" -max_total_time="$SECS" -timeout=10 \
  -rss_limit_mb=2048 -dict="$ROOT/checker/sql/fuzz/sql.dict" \
  -artifact_prefix="$OUT/artifacts/" -print_final_stats=1 \
  "$OUT/corpus" "$OUT/seeds"
