#!/usr/bin/env bash
# Builds the libFuzzer targets of checker/fuzz in the sanitizer build
# (scripts/sanitize.sh --build-only: build-asan/, ASan+UBSan, ccache) and
# runs each for a while:
#   sqlrace_pipeline_fuzzer  generated C++ through the whole analysis
#   sqlrace_json_fuzzer      the rules, config and baseline loaders
# Exits non-zero on a crash, an assertion, a sanitizer report, a timeout or
# an out-of-memory; the input is left in build-asan/fuzz/artifacts/.
# Usage: checker/fuzz/run-fuzzers.sh [PIPELINE_SECONDS [JSON_SECONDS]]
#        (default 180 and 60; 0 skips that fuzzer)
set -euo pipefail
PIPELINE_SECS=${1:-180}
JSON_SECS=${2:-60}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${SQLRACE_ASAN_BUILD_DIR:-build-asan}
[[ "$OUT" = /* ]] || OUT="$ROOT/$OUT"
FUZZ="$OUT/fuzz"

SQLRACE_FUZZERS=ON "$ROOT/scripts/sanitize.sh" --build-only
mkdir -p "$FUZZ/artifacts" "$FUZZ/pipeline-corpus" "$FUZZ/json-corpus"

# Seeds, rewritten each run; the corpora keep what earlier runs found.
rm -rf "$FUZZ/pipeline-seeds" "$FUZZ/json-seeds"
mkdir -p "$FUZZ/pipeline-seeds" "$FUZZ/json-seeds"
python3 - "$ROOT" "$FUZZ" <<'PY'
import glob, json, os, random, sys
root, fuzz = sys.argv[1], sys.argv[2]
# Pipeline: byte strings from fixed seeds (each is a program's choices).
rng = random.Random(11)
for i in range(24):
    with open(os.path.join(fuzz, "pipeline-seeds", "seed-%02d" % i), "wb") as f:
        f.write(bytes(rng.randrange(256) for _ in range(rng.choice([64, 256, 1024]))))
# JSON: the loader byte (see JsonFuzzer.cpp), then the text.
def seed(name, mode, text):
    with open(os.path.join(fuzz, "json-seeds", name), "wb") as f:
        f.write(bytes([mode]) + text)
keys = set()
def walk(v):
    if isinstance(v, dict):
        for k, x in v.items():
            keys.add(k); walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
for path in sorted(glob.glob(os.path.join(root, "rules", "*.json"))):
    data = open(path, "rb").read()
    walk(json.loads(data))
    base = os.path.basename(path)
    seed("rules-" + base, 0, data)
    seed("dup-" + base, 1, data)
for path in [os.path.join(root, "testdata", "config-project", ".sqlrace.json")] + \
        sorted(glob.glob(os.path.join(root, "integrations", "**", ".sqlrace.json"), recursive=True)):
    data = open(path, "rb").read()
    walk(json.loads(data))
    seed("config-" + path.replace("/", "_")[-60:], 2, data)
# Near misses of inputs that break parsers: a number near the double range,
# and nesting a few mutations can deepen.
seed("rules-big-number", 0, b'{"library": "x", "description": 1e300, "functions": []}')
seed("config-big-number", 2, b'{"dialect": "postgresql", "checks": "-*", "x": 1e300}')
seed("baseline-nested", 3, b'{"version": 1, "findings": ' + b'[' * 64 + b']' * 64 + b'}')
seed("config-nested", 2, b'{"check_options": ' + b'{"a": ' * 64 + b'1' + b'}' * 64 + b'}')
seed("baseline.json", 3, open(os.path.join(root, "checker", "fuzz", "seeds", "baseline.json"), "rb").read())
# A dictionary: every key the loaders know, and JSON's punctuation.
with open(os.path.join(fuzz, "json.dict"), "w") as f:
    for k in sorted(keys):
        f.write('"\\"%s\\""\n' % k.replace("\\", "\\\\").replace('"', '\\"'))
    for tok in ['{', '}', '[', ']', ':', ',', 'true', 'false', 'null', '1e400', '-0', '18446744073709551616']:
        f.write('"%s"\n' % tok)
PY

# Reports abort (libFuzzer then writes the input and exits non-zero). Leak
# checking is on, as in scripts/sanitize.sh: libFuzzer checks an input again
# when its mallocs and frees do not balance, and reports a real leak.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1:external_symbolizer_path=/usr/lib/llvm-19/bin/llvm-symbolizer"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:external_symbolizer_path=/usr/lib/llvm-19/bin/llvm-symbolizer"
status=0
run() { # name seconds timeout extra-args...
  local name=$1 secs=$2 timeout=$3; shift 3
  [[ $secs = 0 ]] && return 0
  echo "fuzz: running $name for ${secs}s"
  local start=$SECONDS
  if "$FUZZ/$name" -max_total_time="$secs" -timeout="$timeout" -rss_limit_mb=4096 \
       -artifact_prefix="$FUZZ/artifacts/$name-" -print_final_stats=1 "$@"; then
    echo "fuzz: $name: ${secs}s without a crash ($((SECONDS - start)) s in all)"
  else
    echo "fuzz: $name FAILED after $((SECONDS - start)) s; input in $FUZZ/artifacts/"
    status=1
  fi
}
# One parse and analysis takes up to a few seconds (libpqxx's headers), so
# the pipeline's per-input timeout is generous; anything slower is a hang.
run sqlrace_pipeline_fuzzer "$PIPELINE_SECS" 60 "$FUZZ/pipeline-corpus" "$FUZZ/pipeline-seeds"
run sqlrace_json_fuzzer "$JSON_SECS" 10 -dict="$FUZZ/json.dict" -max_len=65536 \
  "$FUZZ/json-corpus" "$FUZZ/json-seeds"
exit $status
