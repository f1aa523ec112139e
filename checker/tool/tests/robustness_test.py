#!/usr/bin/env python3
"""Regression tests of issue 11's crash sites, of the isolation of each
function's analysis, of the streamed JSON/SARIF documents and of the
remarks that say where the analysis stopped at a limit.

Usage: robustness_test.py <path to sqlrace>. Each test asserts the exit
status, the findings (check and line) and the exact messages."""

import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

SQLRACE = None
HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "robustness")
FLAGS = ["-std=c++17"]

RACY_SQLITE = """#include <sqlite3.h>
void addUser(sqlite3 *Db) {
  sqlite3_stmt *Find;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM users WHERE email = ?", -1, &Find, nullptr);
  if (sqlite3_step(Find) == SQLITE_DONE)
    sqlite3_exec(Db, "INSERT INTO users(email) VALUES (1)", nullptr, nullptr, nullptr);
}
"""
RACY_LINE = 6
WARNING = ("warning: insert into 'users' can race with the preceding "
           "existence check; a concurrent client can insert the same row in "
           "between [sqlrace-check-then-insert]")


def run(*args, env=None, timeout=300):
    full_env = dict(os.environ)
    full_env.pop("SQLRACE_DEBUG_CRASH", None)
    full_env.update(env or {})
    p = subprocess.run([SQLRACE, *args], capture_output=True, text=True,
                       env=full_env, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def expected_findings(path):
    """(check, line) of every `// expect: <check>` annotation."""
    out = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = re.search(r"// expect: (sqlrace-[a-z-]+)", line)
            if m:
                out.append((m.group(1), number))
    return out


def findings(doc):
    return sorted((d["check"], d["line"]) for d in doc["diagnostics"])


class CrashSites(unittest.TestCase):
    """Inputs that aborted sqlrace: each now ends in 0 or 1 with its
    findings, no internal error and no remark."""

    def check_file(self, path, extra_flags=()):
        rc, out, err = run("--format=json", path, "--", *FLAGS, *extra_flags)
        want = expected_findings(path)
        self.assertEqual(rc, 1 if want else 0, err)
        doc = json.loads(out)
        self.assertEqual(findings(doc), sorted(want))
        self.assertEqual(doc["files"], [{"file": path, "status": "ok"}])
        self.assertNotIn("internal error", err)

    def test_unsigned_constants(self):
        self.check_file(os.path.join(CASES, "unsigned-constants.cpp"))

    def test_conversion_operator(self):
        self.check_file(os.path.join(CASES, "conversion-operator.cpp"))

    def test_odbc_rule_condition_on_huge_pointer(self):
        self.check_file(os.path.join(CASES, "odbc-huge-pointer.cpp"))

    def test_printf_wide_char_and_huge_lengths(self):
        self.check_file(os.path.join(CASES, "printf-wide-char.cpp"))


class Generated(unittest.TestCase):
    """Inputs too large to keep in the repository, made here."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, text):
        path = os.path.join(self.dir.name, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def racy_with_sql(self, sql_tail):
        return self.write("big.cpp", RACY_SQLITE.replace(
            "email = ?", "email = ? " + sql_tail))

    def test_concatenation_of_20000_pieces(self):
        # Overflowed the stack in clang::ParentMap; now a remark says where
        # the SQL text could not be followed.
        pieces = "".join(" + A" for _ in range(20000))
        path = self.write("chain.cpp", (
            "#include <sqlite3.h>\n#include <string>\n"
            "void chain(sqlite3 *Db, std::string A) {\n"
            "  std::string Q = std::string(\"SELECT 1\")" + pieces + ";\n"
            "  sqlite3_exec(Db, Q.c_str(), nullptr, nullptr, nullptr);\n}\n"))
        rc, out, err = run("--format=json", path, "--", *FLAGS)
        self.assertEqual(rc, 0, err)
        doc = json.loads(out)
        self.assertEqual(doc["diagnostics"], [])
        self.assertEqual(doc["files"][0]["status"], "ok")
        self.assertIn({"file": path, "line": 3, "column": 6,
                       "function": "chain", "kind": "limit",
                       "message": "'chain' was not fully analysed: SQL text "
                                  "nested more than 256 expressions deep"},
                      doc["files"][0]["remarks"])
        # In text, remarks are printed on request only.
        rc, out, err = run(path, "--", *FLAGS)
        self.assertEqual((rc, out), (0, ""))
        rc, out, err = run("--remarks", path, "--", *FLAGS)
        self.assertIn(path + ":3:6: remark: 'chain' was not fully analysed: "
                      "SQL text nested more than 256 expressions deep\n", out)

    def test_literal_of_70_kilobytes(self):
        # A check whose SQL literal reached 64 KiB used to vanish silently.
        path = self.racy_with_sql("/* " + "x" * 70000 + " */")
        rc, out, err = run("--format=json", path, "--", *FLAGS)
        self.assertEqual(rc, 1, err)
        doc = json.loads(out)
        self.assertEqual(findings(doc),
                         [("sqlrace-check-then-insert", RACY_LINE)])
        self.assertNotIn("remarks", doc["files"][0])

    def test_sql_with_100000_parentheses(self):
        path = self.racy_with_sql(
            "AND " + "(" * 100000 + "1" + ")" * 100000 + " = 1")
        rc, out, err = run("--format=json", path, "--", *FLAGS)
        self.assertEqual(rc, 1, err)
        self.assertEqual(findings(json.loads(out)),
                         [("sqlrace-check-then-insert", RACY_LINE)])

    def test_literal_past_the_limit_is_a_remark(self):
        # Past 1 MiB the text is not kept: the check is unknown, and a
        # remark says so instead of a silent miss.
        path = self.racy_with_sql("/* " + "x" * (1100 * 1024) + " */")
        rc, out, err = run("--format=json", path, "--", *FLAGS)
        self.assertEqual(rc, 0, err)
        doc = json.loads(out)
        self.assertEqual(doc["diagnostics"], [])
        self.assertEqual(
            [r["message"] for r in doc["files"][0]["remarks"]],
            ["'addUser' was not fully analysed: SQL text longer than 1 MiB"])

    def test_template_instantiated_150_times(self):
        # Analysed once, through its first instantiation: one finding, at
        # the template's own line.
        text = RACY_SQLITE.replace("void addUser(", "template <int N> void addUser(")
        text += "".join("template void addUser<%d>(sqlite3 *);\n" % i
                        for i in range(150))
        path = self.write("tmpl.cpp", text)
        rc, out, err = run("--format=json", path, "--", *FLAGS)
        self.assertEqual(rc, 1, err)
        self.assertEqual(findings(json.loads(out)),
                         [("sqlrace-check-then-insert", RACY_LINE)])


# What each SQLRACE_DEBUG_CRASH kind is reported as.
CRASH_KINDS = {
    "assert": "assertion 'false && \"SQLRACE_DEBUG_CRASH asked for a failed "
              "assertion\"' failed in ",
    "abort": "aborted (a failed assertion or an uncaught exception; SIGABRT)",
    "segv": "invalid memory access or stack overflow (SIGSEGV)",
    "overflow": "invalid memory access or stack overflow (SIGSEGV)",
    "throw": "uncaught C++ exception (St12out_of_range): vector::_M_range_check",
}


class Isolation(unittest.TestCase):
    """A function whose analysis fails costs that function only: the good
    file's finding and the failing file's other finding are still printed,
    in every format, and the exit status is 2."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.good = os.path.join(cls.dir.name, "good.cpp")
        cls.bad = os.path.join(cls.dir.name, "bad.cpp")
        with open(cls.good, "w") as f:
            f.write(RACY_SQLITE)
        with open(cls.bad, "w") as f:
            # victim() is made to fail; addUser() beside it still reports.
            f.write(RACY_SQLITE + "void victim(sqlite3 *Db) {\n"
                    "  sqlite3_exec(Db, \"DELETE FROM users\", nullptr, "
                    "nullptr, nullptr);\n}\n")

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def error_line(self, kind):
        return (self.bad + ":8:6: error: internal error while analysing "
                "'victim' (please report): " + CRASH_KINDS[kind])

    def test_text(self):
        for kind in CRASH_KINDS:
            for jobs in ("1", "2"):
                with self.subTest(kind=kind, jobs=jobs):
                    rc, out, err = run(
                        "-j", jobs, self.good, self.bad, "--", *FLAGS,
                        env={"SQLRACE_DEBUG_CRASH": kind + ":victim"})
                    self.assertEqual(rc, 2, err)
                    warnings = [l for l in out.splitlines()
                                if ": warning: " in l]
                    self.assertEqual(warnings, [
                        "%s:%d:5: %s" % (self.good, RACY_LINE, WARNING),
                        "%s:%d:5: %s" % (self.bad, RACY_LINE, WARNING)])
                    errors = [l for l in err.splitlines() if "error:" in l]
                    self.assertEqual(len(errors), 1, err)
                    self.assertTrue(errors[0].startswith(
                        self.error_line(kind)), errors[0])
                    self.assertTrue(err.endswith(
                        "2 findings in 2 files; 1 could not be analysed\n"),
                        err)

    def test_json(self):
        rc, out, err = run("--format=json", self.good, self.bad, "--", *FLAGS,
                           env={"SQLRACE_DEBUG_CRASH": "segv:victim"})
        self.assertEqual(rc, 2, err)
        doc = json.loads(out)
        self.assertEqual(
            sorted((d["file"], d["line"]) for d in doc["diagnostics"]),
            [(self.bad, RACY_LINE), (self.good, RACY_LINE)])
        self.assertEqual(doc["files"][0], {"file": self.good, "status": "ok"})
        bad = doc["files"][1]
        self.assertEqual(bad["status"], "error")
        self.assertEqual(bad["remarks"], [{
            "file": self.bad, "line": 8, "column": 6, "function": "victim",
            "kind": "internal-error",
            "message": "internal error while analysing 'victim' (please "
                       "report): " + CRASH_KINDS["segv"]}])

    def test_sarif(self):
        rc, out, err = run("--format=sarif", self.good, self.bad, "--",
                           *FLAGS, env={"SQLRACE_DEBUG_CRASH": "abort:victim"})
        self.assertEqual(rc, 2, err)
        run0 = json.loads(out)["runs"][0]
        self.assertEqual(len(run0["results"]), 2)
        inv = run0["invocations"][0]
        self.assertFalse(inv["executionSuccessful"])
        self.assertEqual(
            [(n["level"], n["message"]["text"])
             for n in inv["toolExecutionNotifications"]],
            [("error", "internal error while analysing 'victim' (please "
                       "report): " + CRASH_KINDS["abort"])])

    def test_failure_outside_the_isolation_still_closes_the_document(self):
        # A fatal signal after the first file was written (the test hook
        # aborts in the main loop): stdout still parses, with that file's
        # finding and an entry saying the run stopped.
        for fmt in ("json", "sarif", "codeclimate"):
            with self.subTest(fmt=fmt):
                rc, out, err = run(
                    "--format=" + fmt, self.good, self.bad, "--", *FLAGS,
                    env={"SQLRACE_DEBUG_CRASH": "abort:after:" + self.good})
                self.assertEqual(rc, -6, err)  # killed by SIGABRT
                doc = json.loads(out)
                stop = ("sqlrace stopped abnormally after 1 of 2 files; the "
                        "diagnostics listed are those of the files it "
                        "finished (please report)")
                if fmt == "json":
                    self.assertEqual(findings(doc),
                                     [("sqlrace-check-then-insert",
                                       RACY_LINE)])
                    self.assertEqual(doc["files"], [{
                        "file": "<sqlrace>", "status": "error",
                        "message": stop}])
                elif fmt == "sarif":
                    run0 = doc["runs"][0]
                    self.assertEqual(len(run0["results"]), 1)
                    self.assertEqual(
                        run0["invocations"][0]["toolExecutionNotifications"]
                        [0]["message"]["text"], "<sqlrace>: " + stop)
                else:
                    self.assertEqual(len(doc), 1)


if __name__ == "__main__":
    SQLRACE = sys.argv.pop(1)
    unittest.main(verbosity=2)
