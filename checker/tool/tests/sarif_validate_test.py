#!/usr/bin/env python3
"""Validates sqlrace's SARIF with Microsoft's SARIF validator: logs of
testdata with findings, NOLINT suppressions, a file that does not compile, a
file outside the source root, warnings about the config, and (from the
report layer's unit test, as the analysis makes no fix-it yet) a log with
fixes and a baseline suppression. Zero errors required.

Usage: sarif_validate_test.py <sqlrace> <sqlrace_report_tests> <build dir>
The validator is installed by scripts/install-sarif-validator.sh."""

import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sarif_validator  # noqa: E402

SQLRACE = REPORT_TESTS = TOOL = None
ROOT = sarif_validator.ROOT
CASES = os.path.join(ROOT, "testdata", "check-then-insert")
RACY = os.path.join(CASES, "libpq-ntuples-zero.cpp")
CLEAN = os.path.join(CASES, "libpq-clean-on-conflict.cpp")
NOLINT = os.path.join(CASES, "sqlite3-nolint.cpp")
RMW = os.path.join(ROOT, "testdata", "read-modify-write")
PG_FLAGS = ["-std=c++17", "-I/usr/include/postgresql"]


class Validate(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def sqlrace_sarif(self, name, *args, cwd=ROOT, expect_rc=1):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w") as out:
            p = subprocess.run([SQLRACE, "--format=sarif", *args], stdout=out,
                               stderr=subprocess.PIPE, text=True, cwd=cwd,
                               timeout=300)
        self.assertEqual(p.returncode, expect_rc, p.stderr)
        return path

    def assertValid(self, path):
        errors = sarif_validator.validate(TOOL, path)
        self.assertEqual(errors, [], "%s:\n%s" % (path, "\n".join(errors)))

    def test_findings_and_nolint(self):
        rmw = sorted(os.path.join(RMW, f) for f in os.listdir(RMW)
                     if f.startswith("libpq-") and f.endswith(".cpp"))[:3]
        self.assertEqual(len(rmw), 3)
        self.assertValid(self.sqlrace_sarif(
            "findings.sarif", RACY, CLEAN, NOLINT, *rmw, "--", *PG_FLAGS))

    def test_cli_fixes_and_baseline_suppressions(self):
        # Real fix-its from the CLI (a read-modify-write with a golden), and
        # a finding known from a baseline, listed with an external suppression.
        import json
        fixable = os.path.join(RMW, "sqlite3-balance-bind-int64.cpp")
        racy = os.path.join(CASES, "sqlite3-step-done.cpp")
        baseline = os.path.join(self.tmp.name, "baseline.json")
        p = subprocess.run([SQLRACE, "--write-baseline=" + baseline, racy, "--",
                            "-std=c++17"], capture_output=True, text=True,
                           cwd=ROOT, timeout=300)
        self.assertEqual(p.returncode, 0, p.stderr)
        path = self.sqlrace_sarif("cli-fixes.sarif", "--baseline=" + baseline,
                                  fixable, racy, "--", "-std=c++17")
        with open(path) as f:
            results = json.load(f)["runs"][0]["results"]
        self.assertTrue(any(r.get("fixes") for r in results))
        self.assertTrue(any(s.get("kind") == "external"
                            for r in results for s in r.get("suppressions", [])))
        self.assertValid(path)

    def test_nothing_found(self):
        self.assertValid(self.sqlrace_sarif("clean.sarif", CLEAN, "--",
                                            *PG_FLAGS, expect_rc=0))

    def test_files_not_analysed_and_outside_the_root(self):
        bad = os.path.join(self.tmp.name, "bad.cpp")
        with open(bad, "w") as f:
            f.write("int main() {\n  return undeclared;\n}\n")
        self.assertValid(self.sqlrace_sarif(
            "broken.sarif", bad, "/nonexistent/x.cpp", RACY, "--", *PG_FLAGS,
            cwd=self.tmp.name, expect_rc=2))

    def test_config_warnings(self):
        # Warnings about the config's wrappers are notifications of level
        # warning, located in the config file.
        d = self.tmp.name
        with open(os.path.join(d, ".sqlrace.json"), "w") as f:
            f.write('{"dialect": "postgresql", "wrappers": [\n'
                    '  {"name": "Db::query", "role": "execute", '
                    '"connection_arg": "object", "sql_arg": 0}]}\n')
        src = os.path.join(d, "a.cpp")
        with open(src, "w") as f:
            f.write("namespace app { struct Db { void query(const char *); }; }\n"
                    "void f(app::Db &Db) { Db.query(\"SELECT 1\"); }\n")
        path = self.sqlrace_sarif("config.sarif", src, "--", cwd=d,
                                  expect_rc=0)
        import json
        with open(path) as f:
            [note] = json.load(f)["runs"][0]["invocations"][0][
                "toolExecutionNotifications"]
        self.assertEqual(note["level"], "warning")
        self.assertValid(path)

    def test_fixes_and_baseline(self):
        path = os.path.join(self.tmp.name, "fixes.sarif")
        env = dict(os.environ, SQLRACE_SARIF_DUMP=path)
        p = subprocess.run(
            [REPORT_TESTS, "--gtest_filter=Sarif.ResultWithPathAndFix"],
            capture_output=True, text=True, env=env, timeout=120)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertTrue(os.path.getsize(path) > 0)
        self.assertValid(path)

    def test_validator_catches_errors(self):
        # The check itself: a log with a dangling ruleIndex must fail.
        import json
        good = self.sqlrace_sarif("racy.sarif", RACY, "--", *PG_FLAGS)
        with open(good) as f:
            log = json.load(f)
        log["runs"][0]["results"][0]["ruleIndex"] = 99
        bad = os.path.join(self.tmp.name, "dangling.sarif")
        with open(bad, "w") as f:
            json.dump(log, f)
        errors = sarif_validator.validate(TOOL, bad)
        self.assertTrue(any(e.startswith("SARIF1009") for e in errors),
                        errors)


if __name__ == "__main__":
    SQLRACE, REPORT_TESTS, build = map(os.path.abspath, sys.argv[1:4])
    del sys.argv[1:4]
    TOOL = sarif_validator.find(build)
    if TOOL is None:
        sys.exit("the SARIF validator is not installed in %s; run "
                 "scripts/install-sarif-validator.sh" % build)
    unittest.main(verbosity=2)
