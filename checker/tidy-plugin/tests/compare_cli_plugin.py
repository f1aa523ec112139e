#!/usr/bin/env python3
"""The sqlrace CLI and the clang-tidy plugin must report the same findings.

Usage: compare_cli_plugin.py --sqlrace PATH --module PATH --clang-tidy PATH
                             [--testdata DIR] [-j N] [-v] [FILE...]

For every testdata/*/*.cpp (or the FILEs given, relative to --testdata), with
the `// ARGS:` and `// REQUIRES: pkg(...)` header lines read by testdata/run.py:
  - runs `sqlrace --format=json` and reads its JSON report;
  - runs `clang-tidy --load=MODULE --checks=-*,sqlrace-*` and reads the
    `file:line:col: warning: msg [check]` / `file:line:col: note: msg` lines of
    its standard output;
and requires the same warnings (file, line, column, check, message), each with
the same notes in the same order; a file with warnings is compared again with
each check enabled alone. A mismatch prints a diff.

Also checked: the plugin lists the same checks as the CLI, at least one file
produced a warning in both (so the comparison cannot pass vacuously), the
enabled checks share one analysis per translation unit (remarks told once),
and a broken RulesFiles option gives a configuration error, not a crash or a
silent run. The last line is `N passed, N failed` (plus `, N skipped` when a
requirement is not installed). Standard library only.
"""

import argparse
import concurrent.futures
import difflib
import glob
import shutil
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

CHECK_GLOB = "sqlrace-*"
TIMEOUT = 300

# clang-tidy's diagnostic lines; source excerpts ("  19 |   code") and caret
# lines never start with a path followed by :line:col: level:.
DIAG_RE = re.compile(
    r"^(?P<file>[^\s|][^|]*?):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<level>warning|error|note|remark|fatal error): (?P<msg>.*)$")
CHECK_SUFFIX_RE = re.compile(r"^(?P<msg>.*) \[(?P<check>[A-Za-z0-9_.,-]+)\]$")
LISTED_CHECK_RE = re.compile(r"^    (?P<check>\S+)$")


def import_runner(testdata):
    """testdata/run.py: the one definition of the header lines and pkg-config."""
    sys.path.insert(0, testdata)
    import run  # noqa: E402  (found through the path just added)
    return run


class RunFailed(Exception):
    """A tool could not be started or did not finish in time."""


def run_cmd(cmd, cwd):
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise RunFailed("%s did not finish within %d s" % (os.path.basename(cmd[0]), TIMEOUT))
    except OSError as e:
        raise RunFailed("cannot run %s: %s" % (cmd[0], e))


def shown(cmd):
    return "command: " + " ".join(shlex.quote(c) for c in cmd)


def norm(cwd, path):
    return os.path.realpath(os.path.join(cwd, path)) if path else ""


class Untranslatable(Exception):
    """A sqlrace flag in `// ARGS:` that has no clang-tidy counterpart."""


def translate_flags(sqlrace_flags, plugin_checks):
    """Maps the CLI flags of a test to (CLI flags, clang-tidy --checks, RulesFiles entries).

    Both sides run the checks the plugin registers (a check the CLI has and the
    plugin lacks fails the --list-checks comparison instead, once), then the
    test's own --checks globs, which both apply in order after "sqlrace-*".
    """
    cli, rules, spec = [], [], ""
    flags = list(sqlrace_flags)
    while flags:
        flag = flags.pop(0)
        name, eq, value = flag.partition("=")
        if name in ("--rules", "-rules", "--checks", "-checks") and not eq:
            if not flags:
                raise Untranslatable("%s needs a value" % flag)
            value = flags.pop(0)
        if name in ("--rules", "-rules"):
            rules.append(value)
            cli.append("--rules=" + value)
        elif name in ("--checks", "-checks"):
            spec += "," + value
        elif name in ("--quiet", "-quiet"):
            pass
        else:
            raise Untranslatable("no clang-tidy equivalent for sqlrace flag %r" % flag)
    cli.append("--checks=-*," + ",".join(plugin_checks) + spec)
    return cli, "-*," + CHECK_GLOB + spec, rules


def parse_cli(proc, cwd):
    """The CLI's JSON report as sorted findings, or raises ValueError."""
    report = json.loads(proc.stdout)
    if not isinstance(report, dict) or report.get("version") != 1:
        raise ValueError("expected an object with \"version\": 1")
    bad = [f for f in report.get("files", []) if f.get("status") != "ok"]
    if bad:
        raise ValueError("the CLI could not analyse %s: %s" % (bad[0].get("file"), bad[0].get("message")))
    findings = []
    for d in report.get("diagnostics", []):
        notes = tuple((norm(cwd, n.get("file", "")), int(n.get("line", 0)), int(n.get("column", 0)),
                       n.get("message", "")) for n in d.get("notes", []) or [])
        findings.append((norm(cwd, d.get("file", "")), int(d.get("line", 0)), int(d.get("column", 0)),
                         d.get("check", ""), d.get("message", ""), notes))
    return sorted(findings)


def parse_tidy(stdout, cwd):
    """Returns (sorted findings, error lines) from clang-tidy's standard output."""
    findings, errors, current = [], [], None
    for text in stdout.splitlines():
        m = DIAG_RE.match(text)
        if not m:
            continue
        where = (norm(cwd, m.group("file")), int(m.group("line")), int(m.group("col")))
        level, msg = m.group("level"), m.group("msg")
        if level == "note":
            if current is not None:
                current[1].append(where + (msg,))
            continue
        current = None
        if level != "warning":
            errors.append(text)
            continue
        s = CHECK_SUFFIX_RE.match(msg)
        if not s:
            errors.append("warning without a [check] suffix: " + text)
            continue
        check = s.group("check").split(",")[0]
        current = (where + (check, s.group("msg")), [])
        findings.append(current)
    return sorted(head + (tuple(notes),) for head, notes in findings), errors


def render(findings):
    out = []
    for f, line, col, check, msg, notes in findings:
        out.append("%s:%d:%d: warning: %s [%s]" % (f, line, col, msg, check))
        out += ["    %s:%d:%d: note: %s" % n for n in notes]
    return out


def compare_run(path, args, sqlrace_flags, compile_flags, plugin_checks):
    """One CLI run and one clang-tidy run on path; returns (problems, detail, warnings)."""
    cwd = args.testdata
    cli_flags, checks, rules = translate_flags(sqlrace_flags, plugin_checks)
    cli = [args.sqlrace, "--format=json", "--quiet"] + cli_flags + [path, "--"] + compile_flags
    tidy = [args.clang_tidy, "--load=" + args.module, "--checks=" + checks, "--quiet"]
    if rules:
        # The global key: every sqlrace check reads it, as --rules serves all of the CLI's.
        tidy.append("--config={CheckOptions: {RulesFiles: %s}}" % json.dumps(";".join(rules)))
    tidy += [path, "--"] + compile_flags
    detail = [shown(cli), shown(tidy)]

    try:
        cli_proc, tidy_proc = run_cmd(cli, cwd), run_cmd(tidy, cwd)
    except RunFailed as e:
        return [str(e)], detail, 0
    try:
        cli_findings = parse_cli(cli_proc, cwd)
    except ValueError as e:
        return (["CLI: %s (exit %d)" % (e, cli_proc.returncode), "CLI stderr:"]
                + cli_proc.stderr.splitlines()[-20:]), detail, 0
    tidy_findings, tidy_errors = parse_tidy(tidy_proc.stdout, cwd)
    problems = []
    if cli_proc.returncode != (1 if cli_findings else 0):
        problems.append("CLI exit status %d does not fit its report" % cli_proc.returncode)
    if tidy_proc.returncode != 0 or tidy_errors:
        problems.append("clang-tidy exit status %d" % tidy_proc.returncode)
        problems += ["clang-tidy: " + e for e in tidy_errors]
        problems += ["clang-tidy stderr:"] + tidy_proc.stderr.splitlines()[-20:]
    if cli_findings != tidy_findings:
        problems.append("findings differ (- CLI, + clang-tidy plugin):")
        problems += list(difflib.unified_diff(render(cli_findings), render(tidy_findings),
                                              "sqlrace --format=json", "clang-tidy --load", lineterm="", n=1))
    return problems, detail, len(cli_findings)


def compare_file(path, args, runner, plugin_checks):
    """Returns (status, detail lines, number of warnings both reported)."""
    try:
        with open(os.path.join(args.testdata, path), encoding="utf-8") as f:
            lines = f.read().splitlines()
        sqlrace_flags, clang_flags, packages, _ = runner.parse_test(path, lines)
    except (OSError, UnicodeDecodeError, runner.TestError, ValueError) as e:
        return "FAIL", ["cannot read test: %s" % e], 0
    missing, extra = runner.pkg_cflags(packages)
    if missing:
        return "SKIP", ["missing pkg-config package(s): %s" % " ".join(missing)], 0
    try:
        translate_flags(sqlrace_flags, plugin_checks)
    except Untranslatable as e:
        return "SKIP", [str(e)], 0
    compile_flags = clang_flags + extra

    problems, detail, warned = compare_run(path, args, sqlrace_flags, compile_flags, plugin_checks)
    if problems:
        return "FAIL", detail + problems, 0
    detail.append("%d warning(s) in both" % warned)
    if os.path.exists(os.path.join(args.testdata, path[:-len(".cpp")] + ".fixed.cpp")):
        problems = plugin_fix(path, args, compile_flags)
        if problems:
            return "FAIL", detail + problems, 0
        detail.append("clang-tidy --fix gives the .fixed.cpp golden")
    # Only read-modify-write and check-then-update overlap (one UPDATE, one
    # finding); elsewhere running each check alone repeats the same work.
    overlapping = path.split(os.sep)[0] in ("read-modify-write", "check-then-update")
    if warned and len(plugin_checks) > 1 and overlapping:
        # The analysis settles overlaps between checks (an UPDATE reported as
        # read-modify-write is not also a check-then-update), so what one check
        # reports depends on which others run: compare each one alone too.
        for check in [c for c in plugin_checks
                      if c in ("sqlrace-read-modify-write", "sqlrace-check-then-update")]:
            problems, more, _ = compare_run(path, args, sqlrace_flags + ["--checks=-*," + check],
                                            compile_flags, plugin_checks)
            if problems:
                return "FAIL", detail + ["with only %s enabled:" % check] + more + problems, 0
        detail.append("and the same with each check alone")
    return "PASS", detail, warned


def plugin_fix(path, args, compile_flags):
    """clang-tidy --fix with the plugin turns the file into its golden
    <name>.fixed.cpp, as sqlrace's own fix-its do (testdata/run.py)."""
    source = os.path.join(args.testdata, path)
    golden = source[:-len(".cpp")] + ".fixed.cpp"
    with tempfile.TemporaryDirectory(prefix="sqlrace-plugin-fix-") as tmp:
        # The whole folder: the file's headers and .sqlrace.json come along.
        folder = os.path.join(tmp, "d")
        shutil.copytree(os.path.dirname(source), folder)
        copy = os.path.join(folder, os.path.basename(source))
        cmd = [args.clang_tidy, "--load=" + args.module, "--checks=-*," + CHECK_GLOB,
               "--quiet", "--fix", copy, "--"] + compile_flags
        try:
            proc = run_cmd(cmd, args.testdata)
        except RunFailed as e:
            return [str(e)]
        with open(copy, "rb") as f, open(golden, "rb") as g:
            if f.read() != g.read():
                return [shown(cmd), "clang-tidy --fix did not produce %s" % golden] + \
                    proc.stderr.splitlines()[-10:]
    return []


def ignored_tables_option(args, runner):
    """The IgnoredTables check option drops that table's findings."""
    path = os.path.join("read-modify-write", "sqlite3-balance-bind-int64.cpp")
    cmd = [args.clang_tidy, "--load=" + args.module, "--checks=-*," + CHECK_GLOB, "--quiet",
           "--config={CheckOptions: {sqlrace-read-modify-write.IgnoredTables: 'ledger;wall*'}}",
           path, "--", "-std=c++17"]
    try:
        proc = run_cmd(cmd, args.testdata)
    except RunFailed as e:
        return "FAIL", [str(e)]
    findings, errors = parse_tidy(proc.stdout, args.testdata)
    if proc.returncode != 0 or errors or findings:
        return "FAIL", [shown(cmd), "want no finding, got %d" % len(findings)] + errors
    return "PASS", [shown(cmd)]


def shared_analysis(args):
    """All enabled sqlrace checks share one analysis per translation unit.

    SQLRACE_DEBUG_ANALYSES makes the plugin print a line per analysis run:
    one per file with every check enabled (a second file gets its own, not
    the first one's), two when one check has RulesFiles of its own. One
    check's IgnoredTables leaves the other checks' findings alone, and a
    function whose analysis fails is reported once, not once per check."""
    source = os.path.join(args.testdata, "read-modify-write", "sqlite3-balance-bind-int64.cpp")
    other = os.path.join(args.testdata, "check-then-insert", "sqlite3-and-condition.cpp")
    with tempfile.TemporaryDirectory(prefix="sqlrace-plugin-shared-") as tmp:
        victim = os.path.join(tmp, "victim.cpp")
        with open(source, encoding="utf-8") as f, open(victim, "w", encoding="utf-8") as out:
            out.write(f.read() + "void victim(sqlite3 *Db) {\n"
                      "  sqlite3_exec(Db, \"DELETE FROM users\", nullptr, nullptr, nullptr);\n}\n")
        rules = os.path.join(tmp, "extra.json")
        with open(rules, "w", encoding="utf-8") as f:
            json.dump({"schema": 1, "library": "extra-test", "source": "compare_cli_plugin.py",
                       "dialect": "sqlite", "headers": [],
                       "functions": [{"name": "::unused_exec", "role": "execute",
                                      "connection_arg": 0, "sql_arg": 1}]}, f)
        cases = [
            # (what, clang-tidy options, files, environment, analyses per file)
            ("every check enabled", [], [source, other], {}, 1),
            ("a check with RulesFiles of its own",
             ["--config={CheckOptions: {sqlrace-check-then-insert.RulesFiles: %s}}" % json.dumps(rules)],
             [source], {}, 2),
            ("IgnoredTables of another check",
             ["--config={CheckOptions: {sqlrace-check-then-update.IgnoredTables: wallets}}"],
             [source], {}, 1),
            ("a failing function", [], [victim], {"SQLRACE_DEBUG_CRASH": "segv:victim"}, 1),
        ]
        baseline = None
        for what, options, files, env, per_file in cases:
            cmd = [args.clang_tidy, "--load=" + args.module, "--checks=-*," + CHECK_GLOB,
                   "--quiet"] + options + files + ["--", "-std=c++17"]
            full_env = dict(os.environ, SQLRACE_DEBUG_ANALYSES="1", **env)
            try:
                proc = subprocess.run(cmd, cwd=args.testdata, capture_output=True, text=True,
                                      timeout=TIMEOUT, env=full_env)
            except (subprocess.TimeoutExpired, OSError) as e:
                return "FAIL", [what, shown(cmd), str(e)]
            runs = [line.split(" for ")[0][len("sqlrace: analysing "):]
                    for line in proc.stderr.splitlines() if line.startswith("sqlrace: analysing ")]
            problems = []
            for f in files:
                if runs.count(f) != per_file:
                    problems.append("%s analysed %d time(s); want %d" % (f, runs.count(f), per_file))
            findings, errors = parse_tidy(proc.stdout, args.testdata)
            # The first file is (a copy of) source: its finding, without paths.
            rmw = [x[1:5] + (tuple(n[1:] for n in x[5]),) for x in findings
                   if x[0] == files[0] and x[3] == "sqlrace-read-modify-write"]
            if baseline is None:
                baseline = rmw
            if not rmw or rmw != baseline:
                problems.append("the read-modify-write finding of %s is missing or differs" % files[0])
            if env:
                internal = [e for e in errors if "internal error while analysing 'victim'" in e]
                if len(internal) != 1 or len(errors) != 1:
                    problems.append("%d internal-error diagnostic(s) for victim() and %d error(s); "
                                    "want 1 and 1" % (len(internal), len(errors)))
            elif proc.returncode != 0 or errors:
                problems.append("clang-tidy exit status %d" % proc.returncode)
                problems += errors
            if problems:
                return "FAIL", [what, shown(cmd)] + problems + ["stderr:"] + proc.stderr.splitlines()[-20:]
    return "PASS", [c[0] for c in cases]


def compare_check_lists(args):
    """The plugin registers exactly the checks the CLI implements.

    Returns (status, detail lines, the checks the plugin lists)."""
    try:
        cli = run_cmd([args.sqlrace, "--list-checks"], args.testdata)
        tidy = run_cmd([args.clang_tidy, "--load=" + args.module, "--list-checks",
                        "--checks=-*," + CHECK_GLOB], args.testdata)
    except RunFailed as e:
        return "FAIL", [str(e)], []
    lists = []
    for name, proc in (("sqlrace", cli), ("clang-tidy", tidy)):
        if proc.returncode != 0:
            return "FAIL", ["%s --list-checks exit status %d" % (name, proc.returncode)] + proc.stderr.splitlines(), []
        lists.append(sorted(m.group("check") for m in map(LISTED_CHECK_RE.match, proc.stdout.splitlines()) if m))
    if "sqlrace-check-then-insert" not in lists[1]:
        return "FAIL", ["the plugin does not list sqlrace-check-then-insert: %s" % lists[1]], lists[1]
    if lists[0] != lists[1]:
        only_cli = [c for c in lists[0] if c not in lists[1]]
        only_plugin = [c for c in lists[1] if c not in lists[0]]
        return "FAIL", ["sqlrace lists %s, the plugin %s" % (lists[0], lists[1]),
                        "checks without a clang-tidy adapter in checker/checks/: %s" % (only_cli or "none"),
                        "adapters the CLI does not implement: %s" % (only_plugin or "none"),
                        "(the files below are compared on the plugin's checks only)"], lists[1]
    return "PASS", ["both list: " + ", ".join(lists[1])], lists[1]


def broken_rules_file(args, path, flags):
    """A RulesFiles entry that is not valid rules is a configuration error, printed once."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", prefix="sqlrace-bad-rules-", delete=False) as f:
        f.write('{"schema": 1, "library": "broken", "functions": [ {"name": 3} ]}\n')
        bad = f.name
    try:
        cmd = [args.clang_tidy, "--load=" + args.module, "--checks=-*," + CHECK_GLOB,
               "--config={CheckOptions: {RulesFiles: %s}}" % json.dumps(bad),
               path, "--"] + flags
        proc = run_cmd(cmd, args.testdata)
    except RunFailed as e:
        return "FAIL", [shown(cmd), str(e)]
    finally:
        os.unlink(bad)
    out = proc.stdout + proc.stderr
    problems = []
    if proc.returncode <= 0:
        problems.append("exit status %d; want a positive status (an error, not a crash)" % proc.returncode)
    if "PLEASE submit a bug report" in out or "Stack dump" in out:
        problems.append("clang-tidy crashed")
    want = re.compile(r"error: cannot load the sqlrace rules \(option RulesFiles\): "
                      + re.escape(bad) + r":\d+:\d+: .* \[clang-tidy-config\]")
    found = want.findall(out)
    if len(found) != 1:
        problems.append("%d configuration errors naming the rules file, line and column; want 1" % len(found))
    if "[sqlrace-" in out:
        problems.append("findings reported from a catalogue that failed to load")
    if problems:
        return "FAIL", [shown(cmd)] + problems + ["output:"] + out.splitlines()[-20:]
    return "PASS", [shown(cmd)]


def default_inputs(testdata):
    # As testdata/CMakeLists.txt: Inputs/ holds headers, *.fixed.cpp are goldens.
    found = glob.glob(os.path.join(testdata, "*", "*.cpp"))
    rel = sorted(os.path.relpath(p, testdata) for p in found)
    return [p for p in rel if not p.startswith("Inputs" + os.sep) and not p.endswith(".fixed.cpp")]


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Compare the sqlrace CLI with the clang-tidy plugin.")
    parser.add_argument("--sqlrace", required=True)
    parser.add_argument("--module", required=True, help="SqlRaceTidyModule.so")
    parser.add_argument("--clang-tidy", required=True, help="the clang-tidy that loads it (19)")
    parser.add_argument("--testdata", default=os.path.normpath(os.path.join(here, "..", "..", "..", "testdata")))
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("-v", "--verbose", action="store_true", help="print details of passing cases too")
    parser.add_argument("files", nargs="*", metavar="FILE", help="relative to --testdata; default: all")
    args = parser.parse_args(argv)
    args.testdata = os.path.abspath(args.testdata)
    for name in ("sqlrace", "module", "clang_tidy"):
        setattr(args, name, os.path.abspath(getattr(args, name)))
        if not os.path.isfile(getattr(args, name)):
            print("error: --%s not found: %s" % (name.replace("_", "-"), getattr(args, name)), file=sys.stderr)
            return 2
    runner = import_runner(args.testdata)
    files = [os.path.relpath(os.path.abspath(f), args.testdata) if os.path.isabs(f) else f
             for f in args.files] or default_inputs(args.testdata)

    counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}

    def report(name, status, detail):
        counts[status] += 1
        print("%s %s" % (status, name))
        if status != "PASS" or args.verbose:
            for line in detail:
                print("    " + line)
        sys.stdout.flush()

    status, detail, plugin_checks = compare_check_lists(args)
    report("--list-checks", status, detail)
    if not plugin_checks:
        print("0 passed, %d failed" % counts["FAIL"])
        return 1
    both_warned = compared = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = pool.map(lambda p: compare_file(p, args, runner, plugin_checks), files)
        for path, (status, detail, warned) in zip(files, results):
            report(path, status, detail)
            both_warned += 1 if warned else 0
            compared += status != "SKIP"

    # The comparison must not pass because both sides print nothing.
    if compared:
        report("smoke: a file with warnings in both",
               "PASS" if both_warned else "FAIL",
               ["%d file(s) produced the same warnings in both" % both_warned])

    report("IgnoredTables check option", *ignored_tables_option(args, runner))
    report("one analysis per translation unit", *shared_analysis(args))

    # A broken rules file, on the first input whose requirements are met.
    for path in files:
        try:
            with open(os.path.join(args.testdata, path), encoding="utf-8") as f:
                _, clang_flags, packages, _ = runner.parse_test(path, f.read().splitlines())
        except Exception:  # already reported as a failure above
            continue
        missing, extra = runner.pkg_cflags(packages)
        if not missing:
            report("broken RulesFiles option", *broken_rules_file(args, path, clang_flags + extra))
            break

    summary = "%d passed, %d failed" % (counts["PASS"], counts["FAIL"])
    if counts["SKIP"]:
        summary += ", %d skipped" % counts["SKIP"]
    print(summary)
    if counts["FAIL"]:
        return 1
    return 0 if counts["PASS"] else 77


if __name__ == "__main__":
    sys.exit(main())
