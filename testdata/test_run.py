#!/usr/bin/env python3
"""Self-test of run.py: a fake sqlrace prints canned JSON, and run.py must judge it correctly.

Run: python3 testdata/test_run.py   (standard library only)
"""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, "run.py")
CHECK = "sqlrace-check-then-insert"

# Prints the report named by $FAKE_SQLRACE_SPEC, with "@FILE@" replaced by the analysed file,
# and records its command line in $FAKE_SQLRACE_ARGV.
FAKE_SQLRACE = r'''
import json, os, sys
argv = sys.argv[1:]
with open(os.environ["FAKE_SQLRACE_ARGV"], "w") as f:
    json.dump(argv, f)
with open(os.environ["FAKE_SQLRACE_SPEC"]) as f:
    spec = json.load(f)
source = argv[argv.index("--") - 1]
out = spec["stdout"]
if not isinstance(out, str):
    out = json.dumps(out)
sys.stdout.write(out.replace("@FILE@", source))
sys.stderr.write(spec.get("stderr", ""))
sys.exit(spec["rc"])
'''

INSERT_MSG = ("insert into 'users' can race with the preceding existence check; "
              "a concurrent client can insert the same row in between")


def warning(line, message=INSERT_MSG, notes=(), check=CHECK):
    return {"check": check, "level": "warning", "file": "@FILE@", "line": line, "column": 3,
            "message": message, "notes": [{"file": "@FILE@", "line": l, "column": 3, "message": m}
                                          for l, m in notes]}


def report(*diags, status="ok"):
    entry = {"file": "@FILE@", "status": status}
    if status != "ok":
        entry["message"] = "3 errors generated"
    return {"version": 1, "files": [entry], "diagnostics": list(diags)}


class RunnerTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="sqlrace-runtest-")
        self.fake = os.path.join(self.dir, "fake-sqlrace")
        with open(self.fake, "w") as f:
            f.write("#!%s\n%s" % (sys.executable, FAKE_SQLRACE))
        os.chmod(self.fake, os.stat(self.fake).st_mode | stat.S_IXUSR)
        self.spec = os.path.join(self.dir, "spec.json")
        self.argv_file = os.path.join(self.dir, "argv.json")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def source(self, text, name="case.cpp"):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(textwrap.dedent(text).lstrip("\n"))
        return path

    def run_files(self, files, stdout, rc=None, extra=(), env=None):
        if rc is None:
            rc = 1 if isinstance(stdout, dict) and stdout["diagnostics"] else 0
        with open(self.spec, "w") as f:
            json.dump({"rc": rc, "stdout": stdout, "stderr": "fake stderr text\n"}, f)
        full_env = dict(os.environ, FAKE_SQLRACE_SPEC=self.spec, FAKE_SQLRACE_ARGV=self.argv_file)
        full_env.update(env or {})
        proc = subprocess.run([sys.executable, RUNNER, "--sqlrace", self.fake, *extra, *files],
                              capture_output=True, text=True, env=full_env)
        return proc.returncode, proc.stdout

    def check(self, text, stdout, want_rc, want_status, rc=None, extra=()):
        path = self.source(text)
        got_rc, out = self.run_files([path], stdout, rc=rc, extra=extra)
        self.assertEqual(got_rc, want_rc, out)
        self.assertTrue(out.startswith("%s %s" % (want_status, path)), out)
        return out

    RACY = """
        void f() {
          check();
          // expect: sqlrace-check-then-insert insert into 'users' ...*
          insert();
        }
        """

    # Warnings ---------------------------------------------------------------------------------

    def test_correct_warning_passes(self):
        self.check(self.RACY, report(warning(4)), 0, "PASS")

    def test_missing_warning_fails(self):
        out = self.check(self.RACY, report(), 1, "FAIL")
        self.assertIn("expected but missing: line 4", out)

    def test_misplaced_warning_fails(self):
        out = self.check(self.RACY, report(warning(2)), 1, "FAIL")
        self.assertIn("expected but missing: line 4", out)
        self.assertIn("unexpected: line 2", out)

    def test_unexpected_warning_fails(self):
        out = self.check(self.RACY, report(warning(4), warning(2)), 1, "FAIL")
        self.assertIn("unexpected: line 2: warning %s" % CHECK, out)

    def test_other_check_is_unexpected(self):
        out = self.check(self.RACY, report(warning(4), warning(4, "lost update", check="sqlrace-lost-update")),
                         1, "FAIL")
        self.assertIn("unexpected: line 4: warning sqlrace-lost-update", out)

    def test_wrong_text_fails(self):
        out = self.check(self.RACY, report(warning(4, "update of 'users' can race")), 1, "FAIL")
        self.assertIn("expected but missing", out)

    def test_regex_and_literal_text(self):
        text = """
            insert(); // expect: sqlrace-check-then-insert insert into '{{user|users}}' can race ...*between
            """
        self.check(text, report(warning(1)), 0, "PASS")
        literal = "insert(); // expect: %s %s\n" % (CHECK, INSERT_MSG)
        self.check(literal, report(warning(1)), 0, "PASS")
        # Text is matched in full, not as a substring.
        self.check("insert(); // expect: %s insert into\n" % CHECK, report(warning(1)), 1, "FAIL")

    def test_diagnostic_matching_two_annotations_fails(self):
        text = """
            // expect: sqlrace-check-then-insert
            // expect: sqlrace-check-then-insert insert ...*
            insert();
            """
        out = self.check(text, report(warning(3)), 1, "FAIL")
        self.assertIn("matches 2 annotations", out)

    def test_annotation_matching_two_diagnostics_fails(self):
        text = """
            insert(); // expect: sqlrace-check-then-insert
            """
        out = self.check(text, report(warning(1), warning(1)), 1, "FAIL")
        self.assertIn("matches 2 diagnostics", out)

    def test_stacked_annotations_skip_to_next_code_line(self):
        text = """
            // expect: sqlrace-check-then-insert insert into 'users' ...*
            // expect: sqlrace-check-then-insert insert into 'tags' ...*
            both(); // expect: sqlrace-check-then-insert insert into 'coupons' ...*
            """
        diags = [warning(3), warning(3, INSERT_MSG.replace("users", "tags")),
                 warning(3, INSERT_MSG.replace("users", "coupons"))]
        self.check(text, report(*diags), 0, "PASS")

    def test_annotation_at_end_of_file_is_an_error(self):
        out = self.check("f();\n// expect: %s\n" % CHECK, report(), 1, "FAIL")
        self.assertIn("applies to no line", out)

    def test_ok_line_with_warning_fails(self):
        text = """
            // ok: sqlrace-check-then-insert
            insert();
            """
        self.check(text, report(), 0, "PASS")
        out = self.check(text, report(warning(2)), 1, "FAIL")
        self.assertIn("marked ok", out)

    # Known failures ---------------------------------------------------------------------------

    def test_todo_expect_xfails_while_missing(self):
        text = """
            // todo-expect: sqlrace-check-then-insert insert into 'users' ...*
            insert();
            """
        self.check(text, report(), 0, "XFAIL")
        out = self.check(text, report(warning(2)), 1, "FAIL")
        self.assertIn("XPASS", out)

    def test_todo_ok_xfails_while_reported(self):
        text = """
            // todo-ok: sqlrace-check-then-insert
            insert();
            """
        self.check(text, report(warning(2, notes=[(1, "n")])), 0, "XFAIL")
        out = self.check(text, report(), 1, "FAIL")
        self.assertIn("XPASS", out)

    # Notes ------------------------------------------------------------------------------------

    NOTES = [(2, "existence of a 'users' row checked here, keyed on (email)"),
             (3, "the path goes on from here only when no row was found")]

    def test_notes_compared_without_note_annotations(self):
        # A file with no note annotation does not opt out: every note of a
        # finding must be annotated, so an unannotated note fails the file.
        self.check(self.RACY, report(warning(4)), 0, "PASS")
        out = self.check(self.RACY, report(warning(4, notes=self.NOTES)), 1, "FAIL")
        self.assertIn("unexpected: line 2: note %s: existence of a 'users' row" % CHECK, out)
        self.assertIn("unexpected: line 3: note %s: the path goes on" % CHECK, out)
        self.assertNotIn("expected but missing", out)

    def test_notes_of_each_finding_compared(self):
        # Two findings, one note annotated: the other finding's note fails.
        text = """
            check(); // note: sqlrace-check-then-insert existence of a 'users' row ...*
            insert(); // expect: sqlrace-check-then-insert
            other(); // expect: sqlrace-lost-update
            """
        first = warning(2, notes=[(1, self.NOTES[0][1])])
        second = warning(3, "lost update", notes=[(1, "read here")], check="sqlrace-lost-update")
        out = self.check(text, report(first, second), 1, "FAIL")
        self.assertIn("unexpected: line 1: note sqlrace-lost-update: read here", out)
        self.assertNotIn("line 1: note %s" % CHECK, out)

    def test_note_in_another_file_fails(self):
        diag = warning(4)
        diag["notes"] = [{"file": "/elsewhere/header.h", "line": 7, "column": 1, "message": "checked here"}]
        out = self.check(self.RACY, report(diag), 1, "FAIL")
        self.assertIn("note in another file: /elsewhere/header.h:7", out)

    def test_notes_of_todo_ok_warning_not_compared(self):
        text = """
            // todo-ok: sqlrace-check-then-insert
            insert();
            """
        self.check(text, report(warning(2, notes=self.NOTES)), 0, "XFAIL")

    def test_annotated_notes_compared_exactly(self):
        text = """
            void f() {
              check(); // note: sqlrace-check-then-insert existence of a 'users' row ...*
              if (absent) // note: sqlrace-check-then-insert the path goes on from here only when no row was found
                // expect: sqlrace-check-then-insert
                insert();
            }
            """
        self.check(text, report(warning(5, notes=self.NOTES)), 0, "PASS")
        out = self.check(text, report(warning(5, notes=self.NOTES[:1])), 1, "FAIL")
        self.assertIn("expected but missing: line 3: note", out)
        extra = self.NOTES + [(5, "no unique-violation handling ...")]
        out = self.check(text, report(warning(5, notes=extra)), 1, "FAIL")
        self.assertIn("unexpected: line 5: note", out)

    def test_note_matching_two_annotations_fails(self):
        text = """
            // note: sqlrace-check-then-insert
            // note: sqlrace-check-then-insert atomic ...*
            insert(); // expect: sqlrace-check-then-insert
            """
        notes = [(3, "no unique-violation handling"), (3, "atomic rewrite (PostgreSQL): ...")]
        out = self.check(text, report(warning(3, notes=notes)), 1, "FAIL")
        self.assertIn("matches 2 annotations", out)

    # The tool's own failures ------------------------------------------------------------------

    def test_compile_error_fails(self):
        out = self.check("// ok: %s\nf();\n" % CHECK, report(status="error"), 1, "FAIL", rc=2)
        self.assertIn("could not analyse", out)
        self.assertIn("fake stderr text", out)

    def test_exit_status_must_fit_report(self):
        out = self.check(self.RACY, report(warning(4)), 1, "FAIL", rc=0)
        self.assertIn("exit status 0 does not fit", out)

    def test_garbage_stdout_fails(self):
        out = self.check(self.RACY, "warning: something\n", 1, "FAIL", rc=1)
        self.assertIn("not sqlrace's JSON", out)

    def test_missing_sqlrace_is_an_error(self):
        path = self.source(self.RACY)
        proc = subprocess.run([sys.executable, RUNNER, "--sqlrace", os.path.join(self.dir, "nope"), path],
                              capture_output=True, text=True)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("not found", proc.stderr)

    def test_update_hint_prints_annotations(self):
        out = self.check("f();\n", report(warning(1, notes=[(1, "atomic rewrite")])), 1, "FAIL",
                         extra=["--update-hint"])
        self.assertIn("line 1: // expect: %s %s" % (CHECK, INSERT_MSG), out)
        self.assertIn("line 1: // note: %s atomic rewrite" % CHECK, out)

    # Headers ----------------------------------------------------------------------------------

    def read_argv(self):
        with open(self.argv_file) as f:
            return json.load(f)

    def test_default_clang_flags(self):
        path = self.source("f();\n")
        rc, out = self.run_files([path], report())
        self.assertEqual(rc, 0, out)
        self.assertEqual(self.read_argv(), ["--format=json", path, "--", "-std=c++17"])

    def test_args_header(self):
        path = self.source("// ARGS: --dialect=sqlite --debug -- -DX=1 -std=c++20\nf();\n")
        self.run_files([path], report())
        self.assertEqual(self.read_argv(), ["--format=json", "--dialect=sqlite", "--debug", path,
                                            "--", "-DX=1", "-std=c++20"])
        path = self.source("// ARGS: -- -DY\nf();\n")
        self.run_files([path], report())
        self.assertEqual(self.read_argv(), ["--format=json", path, "--", "-std=c++17", "-DY"])

    @unittest.skipUnless(shutil.which("pkg-config"), "pkg-config not installed")
    def test_requires(self):
        pcdir = os.path.join(self.dir, "pc")
        os.mkdir(pcdir)
        with open(os.path.join(pcdir, "fakepq.pc"), "w") as f:
            f.write("Name: fakepq\nDescription: test\nVersion: 1.0\nCflags: -I/opt/fakepq/include\n")
        env = {"PKG_CONFIG_PATH": pcdir}
        ok = self.source("// REQUIRES: pkg(fakepq)\nf();\n", "ok.cpp")
        with open(self.spec, "w") as f:
            json.dump({"rc": 0, "stdout": report()}, f)
        rc, out = self.run_files([ok], report(), env=env)
        self.assertEqual(rc, 0, out)
        self.assertEqual(self.read_argv()[-2:], ["-std=c++17", "-I/opt/fakepq/include"])

        missing = self.source("// REQUIRES: pkg(fakepq) pkg(no-such-package-xyz)\nf();\n", "missing.cpp")
        rc, out = self.run_files([missing], report(), env=env)
        self.assertEqual(rc, 77, out)
        self.assertTrue(out.startswith("UNSUPPORTED " + missing), out)

        rc, out = self.run_files([ok, missing], report(), env=env)
        self.assertEqual(rc, 0, out)
        self.assertEqual(out.splitlines()[-1], "1 passed, 0 failed, 1 skipped")

        bad = self.source("// REQUIRES: libpq\nf();\n", "bad.cpp")
        rc, out = self.run_files([bad], report(), env=env)
        self.assertEqual(rc, 1, out)

    def test_summary_line(self):
        good = self.source(self.RACY, "good.cpp")
        bad = self.source("f();\n", "bad.cpp")
        rc, out = self.run_files([good, bad], report(warning(4)))
        self.assertEqual(rc, 1, out)
        self.assertIn("PASS " + good, out)
        self.assertIn("FAIL " + bad, out)
        self.assertEqual(out.splitlines()[-1], "1 passed, 1 failed")


if __name__ == "__main__":
    unittest.main()
