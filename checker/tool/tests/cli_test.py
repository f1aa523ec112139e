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


def run(*args, stdin=None, cwd=None):
    p = subprocess.run([SQLRACE, *args], capture_output=True, text=True,
                       input=stdin, timeout=120, cwd=cwd)
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


# A service with its own wrapper library, for the warnings about the
# config's wrappers: signup.cpp races through it, admin.cpp is a second
# translation unit.
DB_H = """#include <string>
namespace app {
class Rows {
public:
  bool empty() const;
};
class Db {
public:
  Rows query(const std::string &Sql, const std::string &Param);
  void run(const std::string &Sql, const std::string &Param);
  void exec(const std::string &Sql);
  template <typename... Args> void batch(Args &&...Values);
};
}
"""
SIGNUP_CPP = """#include "db.h"

bool signup(app::Db &Db, const std::string &Email) {
  if (!Db.query("SELECT id FROM users WHERE email = $1", Email).empty())
    return false;
  Db.run("INSERT INTO users(email) VALUES ($1)", Email);
  return true;
}
"""
ADMIN_CPP = """#include "db.h"

void purge(app::Db &Db, const std::string &Table) {
  Db.exec("DELETE FROM sessions");
  Db.batch(Table);
}
"""
QUERY = ('"role": "execute", "connection_arg": "object", "sql_arg": 0, '
         '"result_arg": "return", "params_from": 1')
RUN = '"role": "execute", "connection_arg": "object", "sql_arg": 0, "params_from": 1'
EMPTY = '"role": "is_empty", "result_arg": "object"'
EXEC = '"role": "execute", "connection_arg": "object", "sql_arg": 0'
UNMATCHED = " matched no function in the analysed code"


class WrapperWarnings(unittest.TestCase):
    """A config entry that matches no called function, or whose SQL
    argument never holds text, is a warning at the entry, with a "did you
    mean" when a close name is called; not a change of exit status."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.dir = self.tmp.name
        for name, text in [("db.h", DB_H), ("signup.cpp", SIGNUP_CPP),
                           ("admin.cpp", ADMIN_CPP)]:
            with open(self.path(name), "w") as f:
                f.write(text)
        with open(self.path("compile_commands.json"), "w") as f:
            json.dump([{"directory": self.dir, "file": self.path(n),
                        "arguments": ["clang++", "-std=c++17", "-c", n]}
                       for n in ["signup.cpp", "admin.cpp"]], f)

    def path(self, name):
        return os.path.join(self.dir, name)

    def config(self, *wrappers):
        """.sqlrace.json with one wrapper entry a line: entry i (from 0) is
        at line 4 + i, column 5."""
        entries = ",\n".join('    {"name": "%s", %s}' % w for w in wrappers)
        with open(self.path(".sqlrace.json"), "w") as f:
            f.write('{\n  "dialect": "postgresql",\n  "wrappers": [\n' +
                    entries + "\n  ]\n}\n")

    def warning(self, line, message):
        return "%s:%d:5: warning: %s [sqlrace-config]" % (
            self.path(".sqlrace.json"), line, message)

    def test_misnamed_wrapper_gets_a_did_you_mean(self):
        # Db::query where the code has app::Db::query: the check is not
        # seen, so no finding; today's silence becomes a warning.
        self.config(("Db::query", QUERY), ("app::Db::run", RUN),
                    ("app::Rows::empty", EMPTY))
        rc, out, err = run(self.path("signup.cpp"), "--", "-std=c++17")
        self.assertEqual((rc, out.splitlines()), (0, [self.warning(
            4, "wrapper 'Db::query'" + UNMATCHED +
            "; did you mean 'app::Db::query'?")]))
        self.assertEqual(err, "0 findings in 1 file; 1 config warning\n")

    def test_correctly_named_wrappers_are_silent(self):
        self.config(("app::Db::query", QUERY), ("app::Db::run", RUN),
                    ("app::Rows::empty", EMPTY))
        rc, out, err = run(self.path("signup.cpp"), "--", "-std=c++17")
        self.assertEqual(rc, 1, err)
        self.assertTrue(out.startswith(
            self.path("signup.cpp") + ":6:3: warning: insert into 'users' "
            "can race with the preceding existence check"), out)
        self.assertNotIn("sqlrace-config", out)
        self.assertEqual(err, "1 finding in 1 file\n")

    def test_wrapper_with_no_close_name(self):
        self.config(("app::Db::query", QUERY), ("app::Db::run", RUN),
                    ("app::Rows::empty", EMPTY),
                    ("app::Cache::evictEverything", EXEC))
        rc, out, err = run(self.path("signup.cpp"), "--", "-std=c++17")
        self.assertEqual(rc, 1, err)
        self.assertEqual([l for l in out.splitlines() if "sqlrace-config" in l],
                         [self.warning(7, "wrapper 'app::Cache::evictEverything'" +
                                       UNMATCHED)])
        self.assertEqual(err, "1 finding in 1 file; 1 config warning\n")

    def test_misspelt_name_and_wrong_overload(self):
        self.config(("app::Db::qurey", QUERY),
                    ("app::Db::run", '"params": 3, ' + RUN),
                    ("app::Rows::empty", EMPTY))
        rc, out, _ = run(self.path("signup.cpp"), "--", "-std=c++17")
        self.assertEqual((rc, out.splitlines()), (0, [
            self.warning(4, "wrapper 'app::Db::qurey'" + UNMATCHED +
                         "; did you mean 'app::Db::query'?"),
            self.warning(5, "wrapper 'app::Db::run'" + UNMATCHED +
                         "; its 'params' is 3, but the functions of that "
                         "name the code calls take 2 parameters")]))

    def test_sql_arg_that_never_holds_text(self):
        # exec is only given a parameter's value; batch has no argument 2.
        self.config(("app::Db::exec", EXEC),
                    ("app::Db::batch", EXEC.replace('"sql_arg": 0',
                                                    '"sql_arg": 2')))
        with open(self.path("admin.cpp"), "w") as f:
            f.write(ADMIN_CPP.replace('"DELETE FROM sessions"', "Table"))
        rc, out, err = run(self.path("admin.cpp"), "--", "-std=c++17")
        self.assertEqual((rc, out.splitlines()), (0, [
            self.warning(4, "wrapper 'app::Db::exec' takes its SQL from "
                         "argument 0 ('sql_arg'), but no call passes text "
                         "there that sqlrace can read (only values known at "
                         "run time); arguments count from 0, the object of a "
                         "member call not included"),
            self.warning(5, "wrapper 'app::Db::batch' takes its SQL from "
                         "argument 2 ('sql_arg'), but none of its calls has "
                         "that argument; arguments count from 0, the object "
                         "of a member call not included")]), err)

    def test_whole_run_and_part_of_it(self):
        # exec is called in admin.cpp only. Over both translation units
        # (-p, -j 2) it is in use; over signup.cpp alone with "--" it is
        # not; over part of the compilation database (one file named, or
        # a shard) only the warning with a close name is given.
        self.config(("Db::query", QUERY), ("app::Db::run", RUN),
                    ("app::Rows::empty", EMPTY), ("app::Db::exec", EXEC))
        misnamed = self.warning(4, "wrapper 'Db::query'" + UNMATCHED +
                                "; did you mean 'app::Db::query'?")
        for args in [["-p", self.dir, "-j", "2"],
                     ["-p", self.dir, self.path("signup.cpp")],
                     ["-p", self.dir, "--shard=2/2"]]:
            rc, out, err = run(*args)
            self.assertEqual((rc, out.splitlines()), (0, [misnamed]), args)
        rc, out, _ = run(self.path("signup.cpp"), "--", "-std=c++17")
        self.assertEqual((rc, out.splitlines()), (0, [
            misnamed, self.warning(7, "wrapper 'app::Db::exec'" + UNMATCHED)]))
        # "./signup.cpp" and "admin.cpp" find the same config: one account.
        rc, out, _ = run("./signup.cpp", "admin.cpp", "--", "-std=c++17",
                         cwd=self.dir)
        self.assertEqual((rc, out.splitlines()), (0, [misnamed]))

    def test_quiet_keeps_the_warnings(self):
        # As remarks: --quiet drops the closing line only.
        self.config(("Db::query", QUERY), ("app::Db::run", RUN),
                    ("app::Rows::empty", EMPTY))
        rc, out, err = run("--quiet", self.path("signup.cpp"), "--",
                           "-std=c++17")
        self.assertEqual((rc, len(out.splitlines()), err), (0, 1, ""))

    def test_json_and_sarif(self):
        self.config(("Db::query", QUERY), ("app::Db::run", RUN),
                    ("app::Rows::empty", EMPTY))
        rc, out, _ = run("--format=json", self.path("signup.cpp"), "--",
                         "-std=c++17")
        self.assertEqual(rc, 0)
        doc = json.loads(out)
        self.assertEqual(list(doc), ["diagnostics", "files", "version",
                                     "warnings"])
        self.assertEqual(doc["warnings"], [{
            "column": 5, "file": self.path(".sqlrace.json"),
            "kind": "unmatched-wrapper", "line": 4,
            "message": "wrapper 'Db::query'" + UNMATCHED +
                       "; did you mean 'app::Db::query'?",
            "suggestion": "app::Db::query"}])
        rc, out, _ = run("--format=sarif", "--sarif-root=" + self.dir,
                         self.path("signup.cpp"), "--", "-std=c++17")
        self.assertEqual(rc, 0)
        [invocation] = json.loads(out)["runs"][0]["invocations"]
        self.assertEqual(invocation, {
            "executionSuccessful": True,
            "toolExecutionNotifications": [{
                "level": "warning",
                "message": {"text": "wrapper 'Db::query'" + UNMATCHED +
                                    "; did you mean 'app::Db::query'?"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": ".sqlrace.json",
                                         "uriBaseId": "SRCROOT"},
                    "region": {"startLine": 4, "startColumn": 5}}}]}]})
        rc, out, _ = run("--format=codeclimate", self.path("signup.cpp"),
                         "--", "-std=c++17")
        self.assertEqual((rc, json.loads(out)), (0, []))


if __name__ == "__main__":
    SQLRACE = sys.argv.pop(1)
    unittest.main(verbosity=2)
