#!/usr/bin/env python3
"""Compare sqlrace's cost with a plain compile and with a trivial clang-tidy run.

For every input (by default testdata/check-then-insert/*.cpp and the demo's
src/*.cpp) it runs, side by side and with the same compiler flags:

  sqlrace       <sqlrace> <sqlrace flags> FILE -- <flags>
  clang++       clang++-19 -fsyntax-only <flags> FILE
  clang-tidy    clang-tidy-19 --checks='-*,readability-braces-around-statements' FILE -- <flags>

Each command is run --repeat times per file (default 3); the best wall time
per file is kept and summed. Peak RSS is the largest "maximum resident set
size" seen for the tool over all runs, read from /usr/bin/time -v when it
exists, else from the rusage the kernel reports for the finished child
(what resource.getrusage(RUSAGE_CHILDREN) accumulates).

This is a measurement, not a test: it exits 0 even when a tool reports
problems in a file (the count is shown), and 2 when a tool is missing.
Standard library only.
"""

import argparse
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "testdata"))
sys.dont_write_bytecode = True  # keep testdata/ free of __pycache__
import run as testrun  # noqa: E402  (reuses the ARGS/REQUIRES header parsing)

TIDY_CHECKS = "-*,readability-braces-around-statements"
TIME_BIN = "/usr/bin/time"
DEMO = os.path.join(ROOT, "demo", "signup-service")


class Input:
    def __init__(self, path, flags, sqlrace_flags=()):
        self.path = path
        self.flags = list(flags)
        self.sqlrace_flags = list(sqlrace_flags)


def testdata_inputs(paths):
    inputs, skipped = [], []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        sqlrace_flags, clang_flags, packages, _ = testrun.parse_test(path, lines)
        missing, extra = testrun.pkg_cflags(packages)
        if missing:
            skipped.append("%s (missing %s)" % (path, " ".join(missing)))
            continue
        inputs.append(Input(path, clang_flags + extra, sqlrace_flags))
    return inputs, skipped


def demo_inputs():
    missing, extra = testrun.pkg_cflags(["libpq", "sqlite3"])
    if missing:
        return [], ["demo sources (missing %s)" % " ".join(missing)]
    flags = ["-std=c++17", "-I" + os.path.join(DEMO, "include")] + extra
    return [Input(p, flags) for p in sorted(glob.glob(os.path.join(DEMO, "src", "*.cpp")))], []


def tool_commands(args):
    """(name, function Input -> argv) for the three tools."""
    if args.sqlrace_is_compiler:
        def sqlrace(i):
            return [args.sqlrace, "-fsyntax-only"] + i.flags + [i.path]
    else:
        def sqlrace(i):
            return [args.sqlrace] + i.sqlrace_flags + [i.path, "--"] + i.flags
    return [
        ("sqlrace", sqlrace),
        ("clang++", lambda i: [args.clang, "-fsyntax-only"] + i.flags + [i.path]),
        ("clang-tidy", lambda i: [args.clang_tidy, "--quiet", "--checks=" + TIDY_CHECKS, i.path, "--"] + i.flags),
    ]


def measure(argv, use_time_bin):
    """Runs argv once; returns (wall seconds, peak RSS in KiB, exit status)."""
    if use_time_bin:
        with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
            start = time.perf_counter()
            proc = subprocess.run([TIME_BIN, "-v", "-o", report.name] + argv,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - start
            text = report.read()
        m = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", text)
        rc = proc.returncode
        m_rc = re.search(r"Exit status:\s*(\d+)", text)
        if m_rc:
            rc = int(m_rc.group(1))
        return wall, int(m.group(1)) if m else 0, rc
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss, child.returncode  # ru_maxrss is in KiB on Linux


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlrace", default=os.path.join(ROOT, "build", "bin", "sqlrace"),
                        help="sqlrace executable (default: build/bin/sqlrace in the repository)")
    parser.add_argument("--clang", default="clang++-19", help="compiler to compare with (default clang++-19)")
    parser.add_argument("--clang-tidy", default="clang-tidy-19", help="clang-tidy to compare with (default clang-tidy-19)")
    parser.add_argument("-n", "--repeat", type=int, default=3, help="runs per file and tool; the best is kept (default 3)")
    parser.add_argument("--sqlrace-is-compiler", action="store_true",
                        help="call the --sqlrace program like a compiler (-fsyntax-only FLAGS FILE), to try this "
                             "script with clang++-19 standing in before sqlrace exists")
    parser.add_argument("--no-time-binary", action="store_true",
                        help="do not use /usr/bin/time -v; read the child's rusage instead")
    parser.add_argument("--per-file", action="store_true", help="also print the best time of every file")
    parser.add_argument("files", nargs="*",
                        help="test inputs with ARGS/REQUIRES headers (default: testdata/check-then-insert/*.cpp "
                             "and the demo sources)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    for label, prog in (("sqlrace", args.sqlrace), ("clang++", args.clang), ("clang-tidy", args.clang_tidy)):
        found = shutil.which(prog) if os.sep not in prog else (prog if os.access(prog, os.X_OK) else None)
        if not found or not os.path.isfile(found):
            hint = " (build it first, or pass --sqlrace PATH)" if label == "sqlrace" else ""
            print("compare: %s executable not found: %s%s" % (label, prog, hint), file=sys.stderr)
            return 2
    use_time_bin = not args.no_time_binary and os.access(TIME_BIN, os.X_OK)

    if args.files:
        inputs, skipped = testdata_inputs(args.files)
    else:
        inputs, skipped = testdata_inputs(sorted(glob.glob(os.path.join(ROOT, "testdata", "check-then-insert", "*.cpp"))))
        more, more_skipped = demo_inputs()
        inputs += more
        skipped += more_skipped
    if not inputs:
        print("compare: no inputs to measure", file=sys.stderr)
        return 2

    tools = tool_commands(args)
    best = {name: [float("inf")] * len(inputs) for name, _ in tools}
    peak = {name: 0 for name, _ in tools}
    failed = {name: set() for name, _ in tools}
    # Interleave tools and files inside each round, so slow drift of the
    # machine (thermal, other load) affects all three alike.
    for _ in range(args.repeat):
        for k, item in enumerate(inputs):
            for name, command in tools:
                wall, rss, rc = measure(command(item), use_time_bin)
                best[name][k] = min(best[name][k], wall)
                peak[name] = max(peak[name], rss)
                # sqlrace exits 1 when it has findings; only 2 (or worse) means it failed.
                if rc != 0 and not (name == "sqlrace" and rc == 1 and not args.sqlrace_is_compiler):
                    failed[name].add(item.path)

    rss_source = "/usr/bin/time -v" if use_time_bin else "child rusage"
    print("inputs: %d files, best of %d runs each; peak RSS from %s" % (len(inputs), args.repeat, rss_source))
    for s in skipped:
        print("skipped: " + s)
    print()
    commands = {name: " ".join(shlex.quote(c) for c in command(Input("FILE", ["FLAGS"])))
                for name, command in tools}
    width = max(len(c) for c in commands.values())
    print("%-*s  %12s  %12s  %13s  %8s" % (width, "command", "total (s)", "per file (ms)", "peak RSS (MiB)", "failed"))
    totals = {}
    for name, _ in tools:
        totals[name] = sum(best[name])
        print("%-*s  %12.3f  %12.1f  %13.1f  %8d" % (width, commands[name], totals[name],
                                                    1000 * totals[name] / len(inputs), peak[name] / 1024,
                                                    len(failed[name])))
    print()
    for other in ("clang++", "clang-tidy"):
        time_ratio = totals["sqlrace"] / totals[other] if totals[other] else float("nan")
        rss_ratio = peak["sqlrace"] / peak[other] if peak[other] else float("nan")
        print("sqlrace/%-10s time %6.2fx   peak RSS %6.2fx" % (other, time_ratio, rss_ratio))
    for name, paths in failed.items():
        if paths:
            print("\nnote: %s exited with an error status on: %s" % (
                name, ", ".join(os.path.relpath(p, ROOT) for p in sorted(paths))))

    if args.per_file:
        print()
        print("%-60s  %10s  %10s  %10s" % ("file (best ms)", "sqlrace", "clang++", "clang-tidy"))
        for k, item in enumerate(inputs):
            print("%-60s  %10.1f  %10.1f  %10.1f" % (os.path.relpath(item.path, ROOT), 1000 * best["sqlrace"][k],
                                                     1000 * best["clang++"][k], 1000 * best["clang-tidy"][k]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
