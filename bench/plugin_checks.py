#!/usr/bin/env python3
"""Time the clang-tidy plugin with every sqlrace check against one check.

  bench/plugin_checks.py [--module SO] [--clang-tidy BIN] [--repeat N]
                         [--pairs N] [FILE...]

For each input it runs clang-tidy-19 --load=SqlRaceTidyModule.so with
--checks=-*,sqlrace-* and with --checks=-*,sqlrace-check-then-insert, --repeat
times each (default 5), and prints the median wall time of both and their
ratio. The enabled sqlrace checks share one analysis per translation unit
(checker/checks/AnalysisCache.h), so the ratio should stay near 1.0; before
they did, it grew with the analysis' share of the time (up to 4x).

Inputs: the FILEs given (testdata paths, with their `// ARGS:` and
`// REQUIRES:` lines honoured), by default a few testdata files, plus one
generated file whose single function holds --pairs (default 400)
check-then-insert pairs on sqlite3, where the analysis, not parsing,
dominates (0 leaves it out).

A measurement, not a test: exits 0 unless a tool is missing or fails.
Standard library only.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "testdata"))
sys.dont_write_bytecode = True  # keep testdata/ free of __pycache__
import run as testrun  # noqa: E402  (reuses the ARGS/REQUIRES header parsing)

DEFAULT_FILES = [
    "check-then-insert/sqlite3-and-condition.cpp",
    "check-then-insert/libpq-ntuples-zero.cpp",
    "read-modify-write/sqlite3-balance-bind-int64.cpp",
    "config-project/ignored-tables.cpp",
]
ALL = "-*,sqlrace-*"
ONE = "-*,sqlrace-check-then-insert"


def generated(pairs):
    """One function with `pairs` racy existence checks and inserts."""
    out = ["#include <sqlite3.h>", "", "void many(sqlite3 *Db, const char *Name) {"]
    for i in range(pairs):
        out += [
            "  {",
            "    sqlite3_stmt *Find = nullptr;",
            '    sqlite3_prepare_v2(Db, "SELECT 1 FROM t%d WHERE name = ?", -1, &Find, nullptr);' % i,
            "    sqlite3_bind_text(Find, 1, Name, -1, SQLITE_STATIC);",
            "    if (sqlite3_step(Find) != SQLITE_ROW) {",
            "      sqlite3_stmt *Add = nullptr;",
            '      sqlite3_prepare_v2(Db, "INSERT INTO t%d(name) VALUES (?)", -1, &Add, nullptr);' % i,
            "      sqlite3_bind_text(Add, 1, Name, -1, SQLITE_STATIC);",
            "      sqlite3_step(Add);",
            "      sqlite3_finalize(Add);",
            "    }",
            "    sqlite3_finalize(Find);",
            "  }",
        ]
    return "\n".join(out + ["}", ""])


def timed(cmd, cwd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit("failed (exit %d): %s\n%s" % (proc.returncode, " ".join(cmd), proc.stderr[-2000:]))
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", default=os.path.join(ROOT, "build", "lib", "SqlRaceTidyModule.so"))
    parser.add_argument("--clang-tidy", default="/usr/lib/llvm-19/bin/clang-tidy")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=400)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    for tool in (args.module, args.clang_tidy):
        if not os.path.isfile(tool):
            print("error: not found: %s" % tool, file=sys.stderr)
            return 2
    testdata = os.path.join(ROOT, "testdata")
    inputs = []
    for rel in args.files or DEFAULT_FILES:
        with open(os.path.join(testdata, rel), encoding="utf-8") as f:
            _, flags, packages, _ = testrun.parse_test(rel, f.read().splitlines())
        missing, extra = testrun.pkg_cflags(packages)
        if missing:
            print("skipped %s (missing %s)" % (rel, " ".join(missing)))
            continue
        inputs.append((rel, os.path.join(testdata, rel), flags + extra))
    with tempfile.TemporaryDirectory(prefix="sqlrace-plugin-bench-") as tmp:
        if args.pairs:
            path = os.path.join(tmp, "pairs-%d.cpp" % args.pairs)
            with open(path, "w", encoding="utf-8") as f:
                f.write(generated(args.pairs))
            inputs.append(("generated: %d check/insert pairs" % args.pairs, path, ["-std=c++17"]))
        print("%-52s %9s %9s %7s" % ("input", "all (s)", "one (s)", "ratio"))
        ratios = []
        for name, path, flags in inputs:
            times = {ALL: [], ONE: []}
            for _ in range(args.repeat):
                for checks in (ALL, ONE):  # interleaved: load drifts hit both alike
                    cmd = [args.clang_tidy, "--load=" + args.module, "--checks=" + checks,
                           "--quiet", path, "--"] + flags
                    times[checks].append(timed(cmd, testdata))
            a, o = statistics.median(times[ALL]), statistics.median(times[ONE])
            ratios.append(a / o)
            print("%-52s %9.3f %9.3f %7.2f" % (name, a, o, a / o))
            sys.stdout.flush()
        print("median ratio all/one: %.2f" % statistics.median(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
