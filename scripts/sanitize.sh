#!/usr/bin/env bash
# Builds sqlrace with AddressSanitizer and UndefinedBehaviorSanitizer into
# build-asan/ (clang++-19, ccache) and runs the annotated testdata and the
# demo project through the instrumented binary: the expected findings are
# checked by testdata/run.py and demo/check_demo.py as in ctest, and any
# sanitizer report or signal fails the run.
#
# Usage: scripts/sanitize.sh [--build-only] [--subset N | --all] [FILE...]
#   --all        every testdata/*/*.cpp file, the config project and the demo
#                (the default, and what CI runs)
#   --subset N   every N-th testdata file (sorted; the config project and the
#                demo always run), when time is short
#   FILE...      only these testdata files (paths from the repository root)
#   --build-only configure and build, run nothing
# Environment: SQLRACE_ASAN_BUILD_DIR (default build-asan), SQLRACE_JOBS (2),
# SQLRACE_DETECT_LEAKS=0 (LeakSanitizer off), SQLRACE_FUZZERS=OFF at the first
# configure leaves out the libFuzzer targets of checker/fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${SQLRACE_ASAN_BUILD_DIR:-build-asan}
[[ "$OUT" = /* ]] || OUT="$ROOT/$OUT"
JOBS=${SQLRACE_JOBS:-2}

mode=all step=1 build_only=0 files=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --all) mode=all; shift ;;
    --subset) mode=subset; step=$2; shift 2 ;;
    --build-only) build_only=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    -*) echo "sanitize.sh: unknown option $1" >&2; exit 2 ;;
    *) mode=files; files+=("$1"); shift ;;
  esac
done

SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
# libFuzzer's coverage instrumentation everywhere (no runtime: the sanitizer
# runtimes define the hooks as no-ops), so the fuzzers of checker/fuzz and
# the sqlrace binary share one set of objects.
SAN="$SAN -fsanitize=fuzzer-no-link"
if [[ ! -f "$OUT/build.ninja" ]]; then
  cmake -G Ninja -S . -B "$OUT" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_CXX_FLAGS="$SAN" -DCMAKE_C_FLAGS="$SAN" \
    -DCMAKE_EXE_LINKER_FLAGS="$SAN" -DCMAKE_SHARED_LINKER_FLAGS="$SAN" \
    -DSQLRACE_FUZZERS="${SQLRACE_FUZZERS:-ON}"
fi
ninja -C "$OUT" build.ninja >/dev/null  # re-run CMake if a CMakeLists.txt changed
targets=(sqlrace)
if grep -q '^build sqlrace_pipeline_fuzzer' "$OUT/build.ninja" 2>/dev/null; then
  targets+=(sqlrace_pipeline_fuzzer sqlrace_json_fuzzer sqlrace_gen_cpp)
fi
start=$SECONDS
ninja -C "$OUT" -j "$JOBS" "${targets[@]}"
echo "sanitize: built ${targets[*]} in $((SECONDS - start)) s"
[[ $build_only = 1 ]] && exit 0

# Which testdata files: all, every N-th, or those named. The config project
# is always run whole (its files share one .sqlrace.json), and so is the demo.
mapfile -t all < <(cd testdata && ls -1 */*.cpp | grep -v '^Inputs/' | grep -v '\.fixed\.cpp$' | sort)
case $mode in
  all) picked=("${all[@]}") ;;
  subset)
    picked=()
    for i in "${!all[@]}"; do
      f=${all[$i]}
      if [[ $f == config-project/* ]] || (( i % step == 0 )); then picked+=("$f"); fi
    done ;;
  files)
    picked=()
    for f in "${files[@]}"; do
      f=${f#testdata/}; picked+=("$f")
    done ;;
esac

# Sanitizer reports go to files (one per process) and abort the process, so
# a report fails the file in run.py (no JSON on stdout) and is also found
# below even where a test would not look. UBSan is non-recoverable
# (-fno-sanitize-recover), so its first report ends the process too.
# LeakSanitizer is on. Clang's own tools leave the AST to process exit
# (FrontendOptions::DisableFree), but ClangTool turns that off, and LLVM's
# statics (cl::opt, ManagedStatic) stay reachable, so LSan has nothing to
# say about a correct run: a sample of testdata files, compile errors
# included, is leak-free. A leak report therefore means a real leak.
# SQLRACE_DETECT_LEAKS=0 turns it off if a deliberate one is ever added.
LOGS="$OUT/sanitizer-logs"
rm -rf "$LOGS"; mkdir -p "$LOGS"
SYMBOLIZER=/usr/lib/llvm-19/bin/llvm-symbolizer
common="abort_on_error=1:print_summary=1:symbolize=1:external_symbolizer_path=$SYMBOLIZER"
export ASAN_OPTIONS="$common:detect_leaks=${SQLRACE_DETECT_LEAKS:-1}:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:log_path=$LOGS/report"
export UBSAN_OPTIONS="$common:halt_on_error=1:print_stacktrace=1:log_path=$LOGS/report"
export ASAN_SYMBOLIZER_PATH=$SYMBOLIZER

SQLRACE="$OUT/bin/sqlrace"
start=$SECONDS
echo "sanitize: ${#picked[@]} of ${#all[@]} testdata files and the demo through $SQLRACE ($JOBS at a time)"
# Batches of 8 files per run.py, JOBS at once; only failures are shown.
# run.py exits 77 when every file of its batch is unsupported: not a failure.
results="$OUT/sanitize-results.txt"
(cd testdata && printf '%s\n' "${picked[@]}" |
  xargs -P "$JOBS" -n 8 sh -c \
    'python3 run.py --timeout 600 --sqlrace "$0" "$@"; rc=$?; [ $rc = 77 ] && exit 0; exit $rc' \
    "$SQLRACE") > "$results" 2>&1 && testdata_rc=0 || testdata_rc=$?
grep -Ev '^(PASS |[0-9]+ passed, 0 failed)' "$results" || true
passed=$(grep -cE '^(PASS|XFAIL) ' "$results" || true)
failed=$(grep -c '^FAIL ' "$results" || true)
skipped=$(grep -c '^UNSUPPORTED ' "$results" || true)
echo "sanitize: testdata: $passed passed, $failed failed, $skipped skipped in $((SECONDS - start)) s"

demo_start=$SECONDS
python3 demo/check_demo.py "$SQLRACE" && demo_rc=0 || demo_rc=$?
echo "sanitize: demo: $([[ $demo_rc = 0 ]] && echo ok || echo FAILED) in $((SECONDS - demo_start)) s"

reports=$(find "$LOGS" -type f | sort)
if [[ -n "$reports" ]]; then
  echo "sanitize: $(echo "$reports" | wc -l) sanitizer report(s):"
  for r in $reports; do
    echo "===== $r"
    cat "$r"
  done
fi
if [[ $testdata_rc != 0 || $demo_rc != 0 || -n "$reports" ]]; then
  echo "sanitize: FAILED (testdata status $testdata_rc, demo status $demo_rc, $(echo -n "$reports" | grep -c . || true) report(s)) after $((SECONDS - start)) s"
  exit 1
fi
echo "sanitize: clean: no sanitizer report, no signal, every expected finding ($((SECONDS - start)) s)"
