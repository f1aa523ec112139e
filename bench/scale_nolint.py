#!/usr/bin/env python3
"""Scaling benchmark: many small functions in one file, each with a finding.

  bench/scale_nolint.py [--sqlrace BIN] [--clang CLANG++] [--sizes 1000,2500,5000,10000]
                        [--repeat N] [--bound 1.5]

For each size N it generates one translation unit with N small sqlite3
functions, each holding one check-then-insert race; one in ten is silenced by
a NOLINTNEXTLINE, one in ten lies in a NOLINTBEGIN/NOLINTEND region, so every
finding's suppression is looked up (report::isSuppressed). It times
`sqlrace --quiet FILE -- -std=c++17` and `clang++-19 -fsyntax-only` on the same
file (best of --repeat, interleaved), and prints sqlrace's time above the
syntax-only compile and that cost per function.

It exits 1 when the per-function cost at the largest size exceeds --bound
(default 1.5) times the cost at the smallest (the cost is quadratic, not
linear), 2 when a tool is missing or fails, 0 otherwise. A benchmark with a
generous bound, run as a script, not a timed unit test. Standard library only.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FUNCTION = """\
void add{i}(sqlite3 *Db, const char *Name) {{
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM t{i} WHERE name = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Name, -1, SQLITE_STATIC);
  if (sqlite3_step(Find) != SQLITE_ROW) {{
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO t{i}(name) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Name, -1, SQLITE_STATIC);
{nolint}    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }}
  sqlite3_finalize(Find);
}}
"""


def generate(n):
    """The source of a TU with n racy functions, and how many are reported."""
    out, reported = ["#include <sqlite3.h>", ""], 0
    for i in range(n):
        region = i % 10 == 5
        nolint = "    // NOLINTNEXTLINE(sqlrace-check-then-insert)\n" if i % 10 == 3 else ""
        if region:
            out.append("// NOLINTBEGIN(sqlrace-*)")
        out.append(FUNCTION.format(i=i, nolint=nolint))
        if region:
            out.append("// NOLINTEND(sqlrace-*)")
        reported += not (region or nolint)
    return "\n".join(out) + "\n", reported


def best(cmd, repeat, ok_codes):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        if proc.returncode not in ok_codes:
            print("error: exit status %d: %s\n%s" % (proc.returncode, " ".join(cmd),
                                                     proc.stderr[-2000:]), file=sys.stderr)
            sys.exit(2)
    return min(times), proc


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlrace", default=os.path.join(ROOT, "build", "bin", "sqlrace"))
    parser.add_argument("--clang", default=shutil.which("clang++-19") or "clang++-19")
    parser.add_argument("--sizes", default="1000,2500,5000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--bound", type=float, default=1.5)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    for tool in (args.sqlrace, args.clang):
        if not shutil.which(tool):
            print("error: not found: %s" % tool, file=sys.stderr)
            return 2

    print("%8s %10s %10s %10s %14s" % ("N", "sqlrace s", "syntax s", "above s", "above/fn ms"))
    per_unit = []
    with tempfile.TemporaryDirectory(prefix="sqlrace-scale-") as tmp:
        for n in sizes:
            path = os.path.join(tmp, "functions-%d.cpp" % n)
            text, reported = generate(n)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            syntax = sqlrace = None
            for _ in range(args.repeat):  # interleaved: load drift hits both
                s, _ = best([args.clang, "-fsyntax-only", "-std=c++17", path], 1, (0,))
                r, proc = best([args.sqlrace, "--quiet", path, "--", "-std=c++17"], 1, (0, 1))
                syntax = s if syntax is None else min(syntax, s)
                sqlrace = r if sqlrace is None else min(sqlrace, r)
            warned = proc.stdout.count(": warning: ")
            if warned != reported:
                print("error: N=%d: sqlrace reported %d findings, want %d" % (n, warned, reported),
                      file=sys.stderr)
                return 2
            above = max(sqlrace - syntax, 0.0)
            per_unit.append(above / n)
            print("%8d %10.2f %10.2f %10.2f %14.3f" % (n, sqlrace, syntax, above, 1000 * above / n))
            sys.stdout.flush()
    ratio = per_unit[-1] / per_unit[0] if per_unit[0] > 0 else float("inf")
    verdict = "ok" if ratio <= args.bound else "FAIL: not linear"
    print("per-function cost, largest/smallest size: %.2fx (bound %.2fx): %s"
          % (ratio, args.bound, verdict))
    return 0 if ratio <= args.bound else 1


if __name__ == "__main__":
    sys.exit(main())
