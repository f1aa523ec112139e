#!/usr/bin/env python3
"""End-to-end tests of the sqlrace command line: options, output formats,
exit statuses and bad input. Usage: cli_test.py <path to sqlrace>."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

SQLRACE = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
CASES = os.path.join(ROOT, "testdata", "check-then-insert")
RACY = os.path.join(CASES, "libpq-ntuples-zero.cpp")
CLEAN = os.path.join(CASES, "libpq-clean-on-conflict.cpp")
PG_FLAGS = ["-std=c++17", "-I/usr/include/postgresql"]


def run(*args, stdin=None):
    p = subprocess.run([SQLRACE, *args], capture_output=True, text=True,
                       input=stdin, timeout=120)
    return p.returncode, p.stdout, p.stderr


class Cli(unittest.TestCase):
    def test_racy_file_text(self):
        rc, out, err = run(RACY, "--", *PG_FLAGS)
        self.assertEqual(rc, 1, err)
        lines = out.splitlines()
        self.assertEqual(
            lines[0],
            RACY + ":20:23: warning: insert into 'users' can race with the "
            "preceding existence check; a concurrent client can insert the "
            "same row in between [sqlrace-check-then-insert]")
        # Source line and caret, as clang prints them.
        self.assertEqual(lines[1].split("|", 1)[1].strip(),
                         "PGresult *Added = PQexecParams(Conn, AddUser, 1, "
                         "nullptr, Params, nullptr, nullptr, 0);")
        self.assertEqual(lines[2].split("|", 1)[1].rstrip(),
                         "                       ^")
        notes = [l for l in lines if ": note: " in l]
        self.assertEqual([n.split(": note: ")[0] for n in notes],
                         [RACY + ":13:21", RACY + ":16:7", RACY + ":20:23",
                          RACY + ":20:23"])
        self.assertNotIn("\x1b[", out, "no colour when not on a terminal")
        self.assertEqual(err.strip(), "1 finding in 1 file")

    def test_clean_file_is_silent(self):
        rc, out, err = run(CLEAN, "--", *PG_FLAGS)
        self.assertEqual((rc, out), (0, ""))

    def test_quiet(self):
        rc, out, err = run("--quiet", CLEAN, "--", *PG_FLAGS)
        self.assertEqual((rc, out, err), (0, "", ""))

    def test_json(self):
        rc, out, _ = run("--format=json", RACY, CLEAN, "--", *PG_FLAGS)
        self.assertEqual(rc, 1)
        doc = json.loads(out)
        self.assertEqual(doc["version"], 1)
        self.assertEqual([(f["file"], f["status"]) for f in doc["files"]],
                         [(RACY, "ok"), (CLEAN, "ok")])
        self.assertEqual([(d["check"], d["line"], d["column"], len(d["notes"]))
                          for d in doc["diagnostics"]],
                         [("sqlrace-check-then-insert", 20, 23, 4)])

    def test_checks_glob_disables(self):
        # Nothing enabled is an error, as in clang-tidy (inputs_test.py).
        rc, out, err = run("--checks=-*", RACY, "--", *PG_FLAGS)
        self.assertEqual((rc, out, err), (2, "", "sqlrace: error: no checks "
                                                 "enabled.\n"))
        rc, out, _ = run("--checks=-*,sqlrace-check-then-insert", RACY, "--",
                         *PG_FLAGS)
        self.assertEqual(rc, 1)

    def test_list_checks(self):
        rc, out, _ = run("--list-checks")
        self.assertEqual((rc, out),
                         (0, "Enabled checks:\n"
                             "    sqlrace-check-then-insert\n"
                             "    sqlrace-read-modify-write\n"
                             "    sqlrace-check-then-update\n"
                             "    sqlrace-unhandled-unique-violation\n\n"))
        rc, out, _ = run("--list-checks", "--checks=-sqlrace-*")
        self.assertEqual((rc, out), (2, ""))

    def test_every_check_has_doc_and_testdata(self):
        # The check id joins code, doc and tests; none may be missing.
        rc, out, _ = run("--list-checks")
        ids = [l.strip() for l in out.splitlines()[1:] if l.strip()]
        self.assertTrue(ids)
        for cid in ids:
            name = cid[len("sqlrace-"):]
            self.assertTrue(os.path.isfile(
                os.path.join(ROOT, "docs", "checks", name + ".md")), cid)
            cases = os.listdir(os.path.join(ROOT, "testdata", name))
            self.assertTrue(any(c.endswith(".cpp") for c in cases), cid)

    def test_version(self):
        rc, out, _ = run("--version")
        self.assertEqual(rc, 0)
        self.assertTrue(out.startswith("sqlrace version 0.1.0\n"), out)

    def test_help(self):
        rc, out, _ = run("--help")
        self.assertEqual(rc, 0)
        self.assertIn("--checks", out)
        self.assertIn("--format", out)

    def test_bad_option(self):
        rc, _, err = run("--chekcs=x", RACY, "--")
        self.assertEqual(rc, 2)
        self.assertIn("Unknown command line argument '--chekcs=x'", err)

    def test_compile_error_reported_and_others_analysed(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.cpp")
            with open(bad, "w") as f:
                f.write("int main() {\n  return undeclared;\n}\n")
            rc, out, err = run("--format=json", bad, RACY, "--", *PG_FLAGS)
        self.assertEqual(rc, 2)
        self.assertIn(bad + ":2:10: error: use of undeclared identifier "
                      "'undeclared'", err)
        doc = json.loads(out)
        self.assertEqual([f["status"] for f in doc["files"]], ["error", "ok"])
        self.assertEqual(len(doc["diagnostics"]), 1)

    def test_unreadable_file(self):
        rc, out, err = run("/nonexistent/x.cpp", CLEAN, "--", *PG_FLAGS)
        self.assertEqual(rc, 2)
        self.assertIn("cannot read '/nonexistent/x.cpp': No such file or "
                      "directory", err)

    def test_no_input(self):
        rc, _, err = run()
        self.assertEqual(rc, 2)
        self.assertIn("no input files", err)

    def test_broken_rules_file(self):
        with tempfile.TemporaryDirectory() as d:
            rules = os.path.join(d, "mine.json")
            with open(rules, "w") as f:
                f.write('{"schema": 1, "library": "mine", "source": "me",\n'
                        ' "functions": [{"name": "q", "role": "execute",\n'
                        '   "sql_arg": 1, "conection_arg": 0}]}\n')
            rc, out, err = run("--rules=" + rules, RACY, "--", *PG_FLAGS)
        self.assertEqual((rc, out), (2, ""))
        self.assertIn(rules + ":3:18: unknown key 'conection_arg'; did you "
                      "mean 'connection_arg'?", err)

    def test_broken_config(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, ".sqlrace.json"), "w") as f:
                f.write('{\n  "dialect": "postgresql",\n  "wrapers": []\n}\n')
            src = os.path.join(d, "a.cpp")
            with open(src, "w") as f:
                f.write("int main() { return 0; }\n")
            rc, out, err = run("--format=json", src, CLEAN, "--", *PG_FLAGS)
        self.assertEqual(rc, 2)
        self.assertIn(os.path.join(d, ".sqlrace.json") + ":3:3: unknown key "
                      "'wrapers'; did you mean 'wrappers'?", err)
        doc = json.loads(out)
        self.assertEqual([f["status"] for f in doc["files"]], ["error", "ok"])

    def test_broken_check_options(self):
        cases = [
            ('{\n  "check_options": {\n    "sqlrace-read-modify-writ": {}\n  }\n}\n',
             ":3:5: unknown key 'sqlrace-read-modify-writ'; did you mean "
             "'sqlrace-read-modify-write'?"),
            ('{\n  "check_options": {\n    "sqlrace-read-modify-write": '
             '{ "ignored_tables": "audit" }\n  }\n}\n',
             ":3:54: 'ignored_tables' must be an array of strings, found string"),
        ]
        for text, message in cases:
            with tempfile.TemporaryDirectory() as d:
                with open(os.path.join(d, ".sqlrace.json"), "w") as f:
                    f.write(text)
                src = os.path.join(d, "a.cpp")
                with open(src, "w") as f:
                    f.write("int main() { return 0; }\n")
                rc, _, err = run(src, "--", *PG_FLAGS)
            self.assertEqual(rc, 2)
            self.assertIn(os.path.join(d, ".sqlrace.json") + message, err)

    def test_config_wrapper_and_dialect(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "cfg.json"), "w") as f:
                json.dump({"dialect": "sqlite", "wrappers": [
                    {"name": "q", "role": "execute", "connection_arg": 0,
                     "sql_arg": 1, "result_arg": "return"},
                    {"name": "rows", "role": "row_count", "result_arg": 0}]}, f)
            src = os.path.join(d, "a.cpp")
            with open(src, "w") as f:
                f.write("struct C; struct R;\n"
                        "R *q(C *, const char *);\nint rows(R *);\n"
                        "void f(C *c) {\n"
                        "  if (rows(q(c, \"SELECT 1 FROM t WHERE k = 1\")) == 0)\n"
                        "    q(c, \"INSERT INTO t(k) VALUES (1)\");\n}\n")
            rc, out, _ = run("--format=json", "--config=" + os.path.join(d, "cfg.json"),
                             src, "--")
        self.assertEqual(rc, 1)
        [d] = json.loads(out)["diagnostics"]
        self.assertEqual((d["line"], d["check"]), (6, "sqlrace-check-then-insert"))
        self.assertIn("atomic rewrite (SQLite)", d["notes"][-1]["message"])

    def test_rule_naming_a_missing_argument(self):
        # Validated against the real signature when the function is met.
        with tempfile.TemporaryDirectory() as d:
            rules = os.path.join(d, "mine.json")
            with open(rules, "w") as f:
                f.write('{"schema": 1, "library": "mine", "source": "me",\n'
                        ' "functions": [\n'
                        '  {"name": "::run_sql", "role": "execute", "connection_arg": 0, "sql_arg": 2}]}\n')
            src = os.path.join(d, "a.cpp")
            with open(src, "w") as f:
                f.write("struct C;\nint run_sql(C *, const char *);\n"
                        "void f(C *c) { run_sql(c, \"SELECT 1\"); }\n")
            rc, out, err = run("--rules=" + rules, src, "--")
        self.assertEqual(rc, 2)
        self.assertIn(rules + ":3:3: 'run_sql' names argument 2, but the function "
                      "found in the code takes 2 parameters (arguments count "
                      "from 0); the rule is not applied to it", err)

    def test_list_apis(self):
        rc, out, _ = run("--list-apis")
        self.assertEqual(rc, 0)
        self.assertEqual(out.splitlines()[0].split(), ["API", "dialect", "rules", "file"])
        self.assertIn("libpq ", out)
        self.assertTrue(any(l.startswith("sqlite3 ") and " sqlite " in l for l in out.splitlines()))

    def test_compile_commands(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "compile_commands.json"), "w") as f:
                json.dump([{"directory": CASES, "file": RACY,
                            "arguments": ["clang++", *PG_FLAGS, "-c", RACY]},
                           {"directory": CASES, "file": CLEAN,
                            "arguments": ["clang++", *PG_FLAGS, "-c", CLEAN]}],
                          f)
            rc, out, _ = run("--format=json", "-p", d)
            self.assertEqual(rc, 1)
            doc = json.loads(out)
            self.assertEqual(sorted(f["file"] for f in doc["files"]),
                             sorted([RACY, CLEAN]))
            rc, out, _ = run("--format=json", "-p", d, CLEAN)
            self.assertEqual(rc, 0)
            self.assertEqual([f["file"] for f in json.loads(out)["files"]],
                             [CLEAN])


if __name__ == "__main__":
    SQLRACE = sys.argv.pop(1)
    unittest.main(verbosity=2)
