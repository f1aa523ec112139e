#!/usr/bin/env python3
"""Compare sqlrace's cost with a plain compile and with a trivial clang-tidy run.

For every input (by default every testdata/<check>/*.cpp and the demo's
src/*.cpp) it runs, with the same compiler flags and from the same directory:

  sqlrace       <sqlrace> <sqlrace flags> FILE -- <flags>
  clang++       clang++-19 -fsyntax-only <flags> FILE
  clang-tidy    clang-tidy-19 --checks='-*,readability-braces-around-statements' FILE -- <flags>

Testdata inputs take their flags from their `// ARGS:` and `// REQUIRES:`
headers, parsed by testdata/run.py, and run with testdata/ as the working
directory, as ctest runs run.py (so `-IInputs/pqxx7` resolves). The demo's
sources run from demo/signup-service/ with its include directory.

Runs are paired: in each of the -n rounds the three tools run back to back on
one file before the next file (the order of the tools rotates from round to
round), so drift of the machine hits all three alike. Each run is measured on
its own (wall time, and peak RSS and CPU time from the child's rusage via
os.wait4). Per file, the ratio sqlrace/clang++ is the median over rounds of
the ratio within a round, for wall time and for peak RSS; the summary gives
the median of the per-file ratios, the same against clang-tidy, and for
reference the median CPU-time ratio against clang++.

Every input must compile for every tool. A file on which any tool fails
(clang++ or clang-tidy exit status other than 0, sqlrace other than 0 or 1,
which means findings) is left out of the ratios and listed at the end, and
the script then exits 1. It exits 2 when a tool is missing or there is
nothing to measure, 0 otherwise. Standard library only.
"""

import argparse
import glob
import os
import shlex
import sys

sys.dont_write_bytecode = True  # keep bench/ and testdata/ free of __pycache__
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTDATA = os.path.join(ROOT, "testdata")
DEMO = os.path.join(ROOT, "demo", "signup-service")
sys.path.insert(0, TESTDATA)
import run as testrun  # noqa: E402  (reuses the ARGS/REQUIRES header parsing)
from measure import find_program, median, run_once  # noqa: E402

TIDY_CHECKS = "-*,readability-braces-around-statements"
TOOLS = ("sqlrace", "clang++", "clang-tidy")


class Input:
    def __init__(self, path, flags, sqlrace_flags=(), cwd=TESTDATA):
        self.path = os.path.abspath(path)
        self.flags = list(flags)
        self.sqlrace_flags = list(sqlrace_flags)
        self.cwd = cwd  # relative paths in the flags are relative to this

    def name(self):
        rel = os.path.relpath(self.path, ROOT)
        return self.path if rel.startswith("..") else rel


def all_testdata():
    """Every test input, as testdata/CMakeLists.txt registers them."""
    paths = sorted(glob.glob(os.path.join(TESTDATA, "*", "*.cpp")))
    return [p for p in paths
            if os.path.basename(os.path.dirname(p)) != "Inputs" and not p.endswith(".fixed.cpp")]


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
        inputs.append(Input(path, clang_flags + extra, sqlrace_flags, cwd=TESTDATA))
    return inputs, skipped


def demo_inputs():
    missing, extra = testrun.pkg_cflags(["libpq", "sqlite3"])
    if missing:
        return [], ["demo sources (missing %s)" % " ".join(missing)]
    flags = ["-std=c++17", "-Iinclude"] + extra
    return [Input(p, flags, cwd=DEMO) for p in sorted(glob.glob(os.path.join(DEMO, "src", "*.cpp")))], []


def tool_commands(args):
    """Tool name -> function Input -> argv."""
    if args.sqlrace_is_compiler:
        def sqlrace(i):
            return [args.sqlrace, "-fsyntax-only"] + i.flags + [i.path]
    else:
        def sqlrace(i):
            return [args.sqlrace] + i.sqlrace_flags + [i.path, "--"] + i.flags
    return {
        "sqlrace": sqlrace,
        "clang++": lambda i: [args.clang, "-fsyntax-only"] + i.flags + [i.path],
        "clang-tidy": lambda i: [args.clang_tidy, "--quiet", "--checks=" + TIDY_CHECKS, i.path, "--"] + i.flags,
    }


def failed_run(name, run, sqlrace_is_compiler):
    # sqlrace exits 1 when it has findings; only 2 (or a signal) means it failed.
    if name == "sqlrace" and not sqlrace_is_compiler:
        return run.rc not in (0, 1)
    return run.rc != 0


def ratio(a, b):
    return a / b if b else float("nan")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlrace", default=os.path.join(ROOT, "build", "bin", "sqlrace"),
                        help="sqlrace executable (default: build/bin/sqlrace in the repository)")
    parser.add_argument("--clang", default="clang++-19", help="compiler to compare with (default clang++-19)")
    parser.add_argument("--clang-tidy", default="clang-tidy-19", help="clang-tidy to compare with (default clang-tidy-19)")
    parser.add_argument("-n", "--repeat", type=int, default=3,
                        help="paired rounds per file; medians are taken over them (default 3)")
    parser.add_argument("--every", type=int, default=1, metavar="K",
                        help="measure only every K-th testdata file (default 1: all of them); the demo is always in")
    parser.add_argument("--no-demo", action="store_true", help="leave out the demo sources")
    parser.add_argument("--summary-only", action="store_true", help="do not print the per-file table")
    parser.add_argument("--sqlrace-is-compiler", action="store_true",
                        help="call the --sqlrace program like a compiler (-fsyntax-only FLAGS FILE), to try this "
                             "script with clang++-19 standing in for sqlrace")
    parser.add_argument("files", nargs="*",
                        help="testdata inputs with ARGS/REQUIRES headers, run from testdata/ like run.py "
                             "(default: all of testdata/*/*.cpp, then the demo sources)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("-n must be at least 1")
    if args.every < 1:
        parser.error("--every must be at least 1")

    # Absolute paths: the tools run from the inputs' directories.
    for label, attr in (("sqlrace", "sqlrace"), ("clang++", "clang"), ("clang-tidy", "clang_tidy")):
        found = find_program(getattr(args, attr))
        if not found:
            hint = " (build it first, or pass --sqlrace PATH)" if label == "sqlrace" else ""
            print("compare: %s executable not found: %s%s" % (label, getattr(args, attr), hint), file=sys.stderr)
            return 2
        setattr(args, attr, found)

    inputs, skipped = testdata_inputs((args.files or all_testdata())[::args.every])
    if not args.files and not args.no_demo:
        more, more_skipped = demo_inputs()
        inputs += more
        skipped += more_skipped
    if not inputs:
        print("compare: no inputs to measure", file=sys.stderr)
        return 2

    commands = tool_commands(args)
    walls = {t: [[] for _ in inputs] for t in TOOLS}
    rsss = {t: [[] for _ in inputs] for t in TOOLS}
    cpus = {t: [[] for _ in inputs] for t in TOOLS}
    failures = [{} for _ in inputs]  # per input: tool -> (exit status, stderr)
    for r in range(args.repeat):
        order = TOOLS[r % 3:] + TOOLS[:r % 3]
        for k, item in enumerate(inputs):
            for tool in order:
                run = run_once(commands[tool](item), cwd=item.cwd)
                walls[tool][k].append(run.wall)
                rsss[tool][k].append(run.rss_kib)
                cpus[tool][k].append(run.cpu)
                if failed_run(tool, run, args.sqlrace_is_compiler) and tool not in failures[k]:
                    failures[k][tool] = (run.rc, run.stderr)
        print("compare: round %d of %d done" % (r + 1, args.repeat), file=sys.stderr)

    def paired(values, other, k):
        return median([ratio(a, b) for a, b in zip(values[k], other[k])])

    good = [k for k in range(len(inputs)) if not failures[k]]
    per_file = {}  # k -> (wall ratio vs clang++, RSS ratio vs clang++, same vs clang-tidy)
    for k in good:
        per_file[k] = (paired(walls["sqlrace"], walls["clang++"], k), paired(rsss["sqlrace"], rsss["clang++"], k),
                       paired(walls["sqlrace"], walls["clang-tidy"], k), paired(rsss["sqlrace"], rsss["clang-tidy"], k))

    print("inputs: %d files (%d compiled for every tool), %d paired rounds each; "
          "peak RSS per run from the child's rusage" % (len(inputs), len(good), args.repeat))
    for s in skipped:
        print("skipped: " + s)

    if not args.summary_only:
        names = max(len(item.name()) for item in inputs)
        print()
        print("%-*s %9s %9s %9s %7s %8s %8s %7s" % (names, "file (medians)", "sqlrace", "clang++", "tidy", "wall",
                                                   "sqlrace", "clang++", "RSS"))
        print("%-*s %9s %9s %9s %7s %8s %8s %7s" % (names, "", "ms", "ms", "ms", "ratio", "MiB", "MiB", "ratio"))
        for k, item in enumerate(inputs):
            ms = [1000 * median(walls[t][k]) for t in TOOLS]
            mib = [median(rsss[t][k]) / 1024 for t in ("sqlrace", "clang++")]
            if k in per_file:
                w, m = "%7.2f" % per_file[k][0], "%7.2f" % per_file[k][1]
            else:
                w, m = "%7s" % "FAILED", "%7s" % "-"
            print("%-*s %9.1f %9.1f %9.1f %s %8.1f %8.1f %s" % (names, item.name(), ms[0], ms[1], ms[2], w,
                                                                mib[0], mib[1], m))

    print()
    placeholder = Input("FILE", ["FLAGS"])
    placeholder.path = "FILE"
    commands_shown = {t: " ".join(shlex.quote(c) for c in commands[t](placeholder)) for t in TOOLS}
    width = max(len(c) for c in commands_shown.values())
    print("%-*s  %10s  %14s  %14s" % (width, "command", "total (s)", "per file (ms)", "peak RSS (MiB)"))
    for t in TOOLS:
        total = sum(median(walls[t][k]) for k in good)
        peak = max((max(rsss[t][k]) for k in good), default=0)
        print("%-*s  %10.3f  %14.1f  %14.1f" % (width, commands_shown[t], total,
                                                1000 * total / len(good) if good else float("nan"), peak / 1024))
    print()
    if good:
        for j, other in ((0, "clang++"), (2, "clang-tidy")):
            print("median per-file ratio sqlrace/%-10s wall %5.2fx   peak RSS %5.2fx   (%d files)" % (
                other, median([per_file[k][j] for k in good]), median([per_file[k][j + 1] for k in good]),
                len(good)))
        # CPU time (user + system) moves less than wall time when other jobs load the machine.
        print("median per-file ratio sqlrace/clang++    CPU  %5.2fx   (for reference: steadier on a loaded machine)"
              % median([paired(cpus["sqlrace"], cpus["clang++"], k) for k in good]))
    else:
        print("no input compiled for every tool: no ratios")

    if len(good) < len(inputs):
        bad = [k for k in range(len(inputs)) if failures[k]]
        print()
        print("FAILED: %d of %d inputs did not run cleanly for every tool; they are left out of the ratios:"
              % (len(bad), len(inputs)))
        for k in bad:
            tools = ", ".join("%s (exit %d)" % (t, failures[k][t][0]) for t in TOOLS if t in failures[k])
            print("  %s: %s" % (inputs[k].name(), tools))
            print("    command: %s  (in %s)" % (" ".join(shlex.quote(c) for c in commands[next(
                t for t in TOOLS if t in failures[k])](inputs[k])), os.path.relpath(inputs[k].cwd, ROOT)))
            for t in TOOLS:
                if t in failures[k]:
                    lines = [line for line in failures[k][t][1].splitlines() if line.strip()]
                    first = next((line for line in lines if "error:" in line), lines[0] if lines else "")
                    if first:
                        print("    %s: %s" % (t, first[:200]))
        print("compare: error: %d input(s) failed for at least one tool (listed above)" % len(bad),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
