#!/usr/bin/env python3
"""Scaling benchmark: does sqlrace's cost grow linearly with the input?

  bench/scaling.py [--sqlrace BIN] [--clang CLANG++] [--series a,b,c,d] [--quick]
                   [-n 3] [--bound 1.5] [--clock cpu|wall] [--floor 0.01] [--timeout 900]
                   [--sizes a=250,500] [--require-parse-ratio 2.0] [--keep DIR]

Four series of generated inputs, compiled against the real Debian headers
(libpq-fe.h, sqlite3.h):

  a  one function with N SQL calls: N/2 existence checks, each followed by an
     `if` on its result and an INSERT of the same key (N/2 findings)
  b  one function with N existence checks, each ending the function when a
     row exists, then one INSERT that races with the first check (1 finding)
  c  one file with N small functions, one race each, some behind NOLINT
     markers (the input of bench/scale_nolint.py)
  d  a small racy file whose .sqlrace.json declares N wrapper rules; the
     INSERT goes through the last of them (1 finding)

For every size N, and for a base input with the fewest units that still
race (one pair for a, one unit for b-d), each round runs
`clang++-19 -fsyntax-only` and sqlrace on the same file back to back
(alternating which goes first), after one unmeasured warm-up round. The cost
above parsing is the median over rounds of (sqlrace time - syntax-only
time), on the --clock chosen: CPU time (user + system, the default, steady
when other jobs load the machine) or wall time; both are printed. The base
input's cost above parsing is the fixed cost (start-up, rules, work done
once per file that has any database call); the per-unit cost at N is

    (above parsing at N - above parsing of the base) / (N - units in the base)

A series fails when the per-unit cost at its largest size is more than
--bound (1.5) times that at its smallest. The net cost at the smallest size
is counted as at least --floor seconds (0.01), so a series whose cost is
too small to measure cannot fail on noise alone. See bench/README.md.

Exit status: 0 when every series stays within the bound, 1 when one does not
(or it timed out, or --require-parse-ratio is not met), 2 when a tool is
missing or fails or a generated input does not give the expected findings.
Standard library only.
"""

import argparse
import json
import os
import shlex
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "testdata"))
import run as testrun  # noqa: E402  (pkg-config lookup as the testdata runner does it)
import scale_nolint  # noqa: E402  (series c reuses its generator)
from measure import find_program, median, run_once  # noqa: E402

PQ_ARGS = "1, nullptr, Params, nullptr, nullptr, 0"  # PQexecParams after the SQL text
PARSE_RATIO_SIZE = 2000  # "a 2,000-call function costs less than 2x its parse time"


def gen_pairs(n):
    """Series a: one function, n/2 check/insert pairs on n/2 tables."""
    out = ["#include <libpq-fe.h>", "#include <string>", "",
           "void manyPairs(PGconn *Conn, const std::string &Name) {",
           "  const char *Params[] = {Name.c_str()};"]
    for i in range(n // 2):
        out += [
            '  PGresult *Found%d = PQexecParams(Conn, "SELECT 1 FROM t%d WHERE name = $1", %s);' % (i, i, PQ_ARGS),
            "  if (PQntuples(Found%d) == 0)" % i,
            '    PQclear(PQexecParams(Conn, "INSERT INTO t%d(name) VALUES ($1)", %s));' % (i, PQ_ARGS),
            "  PQclear(Found%d);" % i,
        ]
    return "\n".join(out + ["}", ""]), n // 2


def gen_checks(n):
    """Series b: n existence checks with early returns, then one INSERT."""
    out = ["#include <libpq-fe.h>", "",
           "bool manyChecks(PGconn *Conn, const char *const *Params) {"]
    for i in range(n):
        out += [
            '  PGresult *Check%d = PQexecParams(Conn, "SELECT 1 FROM t%d WHERE name = $1", %s);' % (i, i, PQ_ARGS),
            "  if (PQntuples(Check%d) != 0) {" % i,
            "    PQclear(Check%d);" % i,
            "    return false;",
            "  }",
            "  PQclear(Check%d);" % i,
        ]
    out += ['  PQclear(PQexecParams(Conn, "INSERT INTO t0(name) VALUES ($1)", %s));' % PQ_ARGS,
            "  return true;", "}", ""]
    return "\n".join(out), 1 if n else 0


def gen_functions(n):
    """Series c: n small racy functions (sqlite3), some silenced by NOLINT."""
    return scale_nolint.generate(n)


def gen_wrapper_config(n):
    """Series d: a small file, and a config of n wrapper rules app::f0..app::f<n-1>.

    The file's INSERT goes through app::f<n-1>, so it races only when the
    config declares that wrapper (with n = 0 it is an unknown call)."""
    last = max(n - 1, 0)
    source = "\n".join([
        "#include <libpq-fe.h>",
        "",
        "namespace app {",
        "PGresult *f%d(PGconn *Conn, const char *Sql);" % last,
        "}",
        "",
        "bool addUser(PGconn *Conn, const char *const *Params) {",
        '  PGresult *Found = PQexecParams(Conn, "SELECT 1 FROM users WHERE name = $1", %s);' % PQ_ARGS,
        "  if (PQntuples(Found) != 0) {",
        "    PQclear(Found);",
        "    return false;",
        "  }",
        "  PQclear(Found);",
        '  PQclear(app::f%d(Conn, "INSERT INTO users(name) VALUES (\'x\')"));' % last,
        "  return true;",
        "}",
        ""])
    wrappers = [{"name": "app::f%d" % i, "role": "execute", "connection_arg": 0, "sql_arg": 1}
                for i in range(n)]
    config = json.dumps({"description": "bench/scaling.py series d: %d wrapper rules" % n,
                         "wrappers": wrappers}, indent=1) + "\n"
    return source, 1 if n else 0, config


class Series:
    def __init__(self, key, title, unit, package, base, full, quick, generate):
        self.key, self.title, self.unit, self.package = key, title, unit, package
        self.base = base  # units in the input that measures the fixed cost
        self.full, self.quick, self.generate = full, quick, generate

    def write(self, n, folder):
        """Writes the input of size n into its own folder; returns (path, expected findings)."""
        made = self.generate(n)
        directory = os.path.join(folder, "%s-%d" % (self.key, n))
        os.makedirs(directory)
        if len(made) == 3:
            with open(os.path.join(directory, ".sqlrace.json"), "w", encoding="utf-8") as f:
                f.write(made[2])
        path = os.path.join(directory, "input.cpp")
        with open(path, "w", encoding="utf-8") as f:
            f.write(made[0])
        return path, made[1]


SERIES = {s.key: s for s in (
    Series("a", "one function with N SQL calls in check/insert pairs (libpq)", "SQL call", "libpq", 2,
           [250, 500, 1000, 2000, 4000], [250, 1000, 2000], gen_pairs),
    Series("b", "one function with N existence checks, then one INSERT (libpq)", "check", "libpq", 1,
           [125, 250, 500, 1000], [125, 250, 500], gen_checks),
    Series("c", "one file with N small functions, one race each (sqlite3, NOLINT mix)", "function", "sqlite3", 1,
           [1250, 2500, 5000, 10000], [1250, 2500, 5000], gen_functions),
    Series("d", "a small file under a .sqlrace.json with N wrapper rules (libpq)", "rule", "libpq", 1,
           [2000, 4000, 8000, 16000], [2000, 4000, 8000], gen_wrapper_config),
)}


CLOCKS = ("wall", "cpu")


class Point:
    """Medians of one input size, for both clocks."""

    def __init__(self, n):
        self.n = n
        self.sqlrace = {c: 0.0 for c in CLOCKS}      # seconds
        self.syntax = {c: 0.0 for c in CLOCKS}
        self.above = {c: 0.0 for c in CLOCKS}        # median of the paired differences
        self.parse_ratio = {c: float("nan") for c in CLOCKS}  # median of the paired ratios
        self.sqlrace_kib = self.syntax_kib = 0
        self.findings = None
        self.timed_out = False


class BenchError(Exception):
    """A tool failed or an input did not give the findings it should."""


def count_findings(text):
    # Findings only: a config warning ([sqlrace-config], e.g. series d's
    # wrappers that match no function) is not a finding.
    return sum(1 for line in text.splitlines()
               if ": warning: " in line and "[sqlrace-" in line and "[sqlrace-config]" not in line)


def measure(series, n, folder, flags, args, warm_up=False):
    """Runs both tools on the input of size n; returns its Point."""
    path, expected = series.write(n, folder)
    commands = {"syntax": [args.clang, "-fsyntax-only"] + flags + [path],
                "sqlrace": [args.sqlrace, "--quiet", path, "--"] + flags}
    point = Point(n)
    runs = {"sqlrace": [], "syntax": []}
    for r in range(-1 if warm_up else 0, args.repeat):
        # Round 0 starts with the syntax-only run, so a timeout of sqlrace
        # still leaves a parse time to subtract.
        order = ("syntax", "sqlrace") if r % 2 == 0 else ("sqlrace", "syntax")
        for tool in order:
            cmd = commands[tool]
            run = run_once(cmd, cwd=os.path.dirname(path), timeout=args.timeout,
                           capture_stdout=tool == "sqlrace")
            if run.timed_out:
                point.timed_out = True
                point.sqlrace = {"wall": run.wall, "cpu": run.cpu}
                for c in CLOCKS:
                    point.syntax[c] = median([getattr(x, c) for x in runs["syntax"]]) if runs["syntax"] else 0.0
                return point
            if run.rc not in ((0, 1) if tool == "sqlrace" else (0,)):
                raise BenchError("series %s, N=%d: exit status %d from %s\n%s" % (
                    series.key, n, run.rc, " ".join(shlex.quote(c) for c in cmd), run.stderr[-2000:]))
            if tool == "sqlrace":
                point.findings = count_findings(run.stdout)
                if point.findings != expected:
                    raise BenchError("series %s, N=%d: sqlrace reported %d findings, the input has %d "
                                     "(the generated input is not analysed as intended): %s" % (
                                         series.key, n, point.findings, expected,
                                         " ".join(shlex.quote(c) for c in cmd)))
            if r >= 0:
                runs[tool].append(run)
    pairs = list(zip(runs["sqlrace"], runs["syntax"]))
    for c in CLOCKS:
        point.sqlrace[c] = median([getattr(x, c) for x in runs["sqlrace"]])
        point.syntax[c] = median([getattr(x, c) for x in runs["syntax"]])
        point.above[c] = median([getattr(a, c) - getattr(b, c) for a, b in pairs])
        point.parse_ratio[c] = median([getattr(a, c) / getattr(b, c) for a, b in pairs if getattr(b, c) > 0])
    point.sqlrace_kib = median([x.rss_kib for x in runs["sqlrace"]])
    point.syntax_kib = median([x.rss_kib for x in runs["syntax"]])
    return point


def sizes_for(series, args):
    return args.sizes.get(series.key) or (series.quick if args.quick else series.full)


HEADER = ("%8s | %10s %10s %10s | %10s %10s %10s | %9s %12s | %11s %11s | %8s\n"
          "%8s | %10s %10s %10s | %10s %10s %10s | %9s %12s | %11s %11s | %8s") % (
    "", "wall: ", "", "", "CPU: ", "", "", "%s clock:" % "{clock}", "", "peak RSS: ", "", "",
    "N", "sqlrace s", "syntax s", "above s", "sqlrace s", "syntax s", "above s", "net s", "net/unit ms",
    "sqlrace MiB", "syntax MiB", "findings")


def row(point, base, clock):
    """One line of the table; base is the Point of the base input."""
    if point.timed_out:
        return "%8d | %10s %10.3f %10s | %10s %10.3f  (sqlrace stopped at the --timeout)" % (
            point.n, ">%.1f" % point.sqlrace["wall"], point.syntax["wall"], "",
            ">%.1f" % point.sqlrace["cpu"], point.syntax["cpu"])
    if point is base:
        net, per_unit = "%9s" % "-", "%12s" % "(base)"
    else:
        value = point.above[clock] - base.above[clock]
        net, per_unit = "%9.3f" % value, "%12.4f" % (1000 * value / (point.n - base.n))
    return "%8d | %10.3f %10.3f %10.3f | %10.3f %10.3f %10.3f | %s %s | %11.1f %11.1f | %8d" % (
        point.n, point.sqlrace["wall"], point.syntax["wall"], point.above["wall"],
        point.sqlrace["cpu"], point.syntax["cpu"], point.above["cpu"], net, per_unit,
        point.sqlrace_kib / 1024, point.syntax_kib / 1024, point.findings)


def run_series(series, folder, args):
    """Measures one series; returns (verdict line, failed?, points)."""
    missing, cflags = testrun.pkg_cflags([series.package])
    if missing:
        raise BenchError("series %s needs pkg-config package %s, which is not installed" % (
            series.key, " ".join(missing)))
    flags = ["-std=c++17"] + cflags
    sizes = [n for n in sizes_for(series, args) if n > series.base]
    if len(sizes) < 2:
        raise BenchError("series %s: needs two sizes or more above the base input's %d units to compare" % (
            series.key, series.base))
    clock = args.clock
    print()
    print("series %s: %s; unit: one %s; sizes %s" % (series.key, series.title, series.unit,
                                                    ", ".join(map(str, sizes))))
    print(HEADER.replace("{clock}", clock))
    base = measure(series, series.base, folder, flags, args, warm_up=True)
    if base.timed_out:
        raise BenchError("series %s: the base input (N=%d) timed out" % (series.key, series.base))
    print(row(base, base, clock))
    sys.stdout.flush()
    points = []
    for n in sizes:
        point = measure(series, n, folder, flags, args)
        points.append(point)
        print(row(point, base, clock))
        sys.stdout.flush()
        if point.timed_out:
            break

    first, last = points[0], points[-1]
    if first.timed_out:
        return ("FAIL: series %s: sqlrace ran out of time (--timeout %.0f s) already at the smallest size N=%d"
                % (series.key, args.timeout, first.n), True, points)
    first_net = first.above[clock] - base.above[clock]
    floored = first_net < args.floor
    first_unit = max(first_net, args.floor) / (first.n - base.n)
    if last.timed_out:
        # Stopped: it would have taken at least what it had used so far.
        last_unit = (last.sqlrace[clock] - last.syntax[clock] - base.above[clock]) / (last.n - base.n)
        return ("FAIL: series %s: per-unit cost (%s) %.4f ms at N=%d, at least %.4f ms at N=%d, where sqlrace "
                "ran out of time (--timeout %.0f s): >= %.2fx (bound %.2fx)" % (
                    series.key, clock, 1000 * first_unit, first.n, 1000 * last_unit, last.n, args.timeout,
                    last_unit / first_unit, args.bound), True, points)
    last_unit = (last.above[clock] - base.above[clock]) / (last.n - base.n)
    growth = last_unit / first_unit
    failed = growth > args.bound
    line = "%s: series %s: per-unit cost (%s) %.4f ms at N=%d, %.4f ms at N=%d: %.2fx (bound %.2fx)%s" % (
        "FAIL" if failed else "ok", series.key, clock, 1000 * first_unit, first.n, 1000 * last_unit, last.n,
        growth, args.bound, "; net cost at N=%d (%.4f s) counted as the --floor %.3f s"
        % (first.n, first_net, args.floor) if floored else "")
    return line, failed, points


def parse_sizes(text):
    """'a=250,500;b=100' or repeated --sizes a=250,500 -> {'a': [250, 500], ...}."""
    out = {}
    for part in text.replace(";", " ").split():
        key, _, values = part.partition("=")
        if key not in SERIES or not values:
            raise argparse.ArgumentTypeError("expected SERIES=N,N,... with SERIES one of %s: %r" % (
                ",".join(SERIES), part))
        try:
            out[key] = sorted(int(v) for v in values.split(","))
        except ValueError:
            raise argparse.ArgumentTypeError("sizes must be integers: %r" % part)
        if out[key][0] < 1:
            raise argparse.ArgumentTypeError("sizes must be at least 1: %r" % part)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlrace", default=os.path.join(ROOT, "build", "bin", "sqlrace"),
                        help="sqlrace executable (default: build/bin/sqlrace in the repository)")
    parser.add_argument("--clang", default="clang++-19", help="the syntax-only baseline (default clang++-19)")
    parser.add_argument("--series", default=",".join(SERIES),
                        help="comma-separated series to run (default: all, %s)" % ",".join(SERIES))
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for CI")
    parser.add_argument("-n", "--repeat", type=int, default=3,
                        help="paired rounds per size; medians are taken over them (default 3)")
    parser.add_argument("--bound", type=float, default=1.5,
                        help="largest allowed per-unit cost at the largest size over the smallest (default 1.5)")
    parser.add_argument("--clock", choices=CLOCKS, default="cpu",
                        help="the time the verdicts use: cpu (user + system time of the process, the default: "
                             "steady on a loaded machine) or wall; both are printed")
    parser.add_argument("--floor", type=float, default=0.01,
                        help="seconds: the least net cost counted at the smallest size (default 0.01)")
    parser.add_argument("--timeout", type=float, default=900,
                        help="seconds one sqlrace run may take before the series fails (default 900)")
    parser.add_argument("--sizes", type=parse_sizes, action="append", default=[],
                        help="override a series' sizes, e.g. --sizes a=500,1000 (may be repeated)")
    parser.add_argument("--require-parse-ratio", type=float, metavar="X",
                        help="also fail unless sqlrace on series a's %d-call function takes less than X times "
                             "its syntax-only compile" % PARSE_RATIO_SIZE)
    parser.add_argument("--keep", metavar="DIR", help="write the generated inputs into DIR and keep them")
    args = parser.parse_args(argv)
    args.sizes = {k: v for d in args.sizes for k, v in d.items()}
    chosen = [s.strip() for s in args.series.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SERIES]
    if unknown or not chosen:
        parser.error("unknown series %s (choose from %s)" % (",".join(unknown), ",".join(SERIES)))
    if args.repeat < 1:
        parser.error("-n must be at least 1")

    # Absolute paths: the tools run from the generated inputs' directories.
    for label, attr in (("sqlrace", "sqlrace"), ("clang++", "clang")):
        found = find_program(getattr(args, attr))
        if not found:
            print("scaling: %s executable not found: %s" % (label, getattr(args, attr)), file=sys.stderr)
            return 2
        setattr(args, attr, found)

    print("scaling: %s against %s -fsyntax-only; medians of %d paired rounds; verdicts on %s time" % (
        args.sqlrace, args.clang, args.repeat, args.clock))
    print("above = sqlrace - syntax-only; net = above - above of the base input; "
          "net/unit = net / (N - units in the base)")
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        folder = tempfile.mkdtemp(prefix="sqlrace-scaling-", dir=args.keep)
    else:
        folder = tempfile.mkdtemp(prefix="sqlrace-scaling-")
    verdicts, errors, failed = [], [], []
    parse_point = None
    try:
        # A config at the top of the work folder, so no .sqlrace.json above it
        # changes series a-c; series d puts its own next to its input.
        with open(os.path.join(folder, ".sqlrace.json"), "w", encoding="utf-8") as f:
            f.write('{"description": "bench/scaling.py: no project settings"}\n')
        for key in chosen:
            try:
                line, bad, points = run_series(SERIES[key], folder, args)
            except BenchError as e:
                errors.append(str(e))
                print("ERROR: %s" % e)
                continue
            print(line)
            verdicts.append(line)
            if bad:
                failed.append("series " + key)
            if key == "a":
                parse_point = next((p for p in points if p.n == PARSE_RATIO_SIZE and not p.timed_out), None)
    finally:
        if args.keep:
            print("\nthe generated inputs are in %s" % folder)
        else:
            shutil.rmtree(folder, ignore_errors=True)

    print()
    print("summary:")
    for line in verdicts + ["ERROR: " + e.splitlines()[0] for e in errors]:
        print("  " + line)
    if parse_point:
        target = args.require_parse_ratio
        verdict = ""
        ratio = parse_point.parse_ratio[args.clock]
        if target is not None:
            verdict = "  ok" if ratio < target else "  FAIL"
            if ratio >= target:
                failed.append("parse ratio")
        print("  parse ratio: series a at N=%d: sqlrace / syntax-only = %.2fx (%s clock; goal: below %gx)%s; "
              "wall %.3f s / %.3f s = %.2fx, CPU %.3f s / %.3f s = %.2fx" % (
                  PARSE_RATIO_SIZE, ratio, args.clock, target if target is not None else 2.0, verdict,
                  parse_point.sqlrace["wall"], parse_point.syntax["wall"], parse_point.parse_ratio["wall"],
                  parse_point.sqlrace["cpu"], parse_point.syntax["cpu"], parse_point.parse_ratio["cpu"]))
    else:
        print("  parse ratio: not measured (series a did not run at N=%d)" % PARSE_RATIO_SIZE)
        if args.require_parse_ratio is not None:
            print("  FAIL: --require-parse-ratio given but series a was not measured at N=%d" % PARSE_RATIO_SIZE)
            failed.append("parse ratio")
    if errors:
        print("scaling: error: %d series could not be measured (see ERROR lines)" % len(errors), file=sys.stderr)
        return 2
    if failed:
        print("scaling: FAILED: %s (see the FAIL lines)" % ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
