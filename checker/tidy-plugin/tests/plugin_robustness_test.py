#!/usr/bin/env python3
"""The clang-tidy plugin on issue 11's inputs: the crash sites report their
findings and end normally, and a function whose analysis fails costs that
function only (an error naming it), never the clang-tidy process.

Usage: plugin_robustness_test.py <clang-tidy> <SqlRaceTidyModule.so>"""

import os
import subprocess
import sys
import tempfile
import unittest

CLANG_TIDY = MODULE = None
HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tool", "tests",
                     "robustness")

RACY = """#include <sqlite3.h>
void addUser(sqlite3 *Db) {
  sqlite3_stmt *Find;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM users WHERE email = ?", -1, &Find, nullptr);
  if (sqlite3_step(Find) == SQLITE_DONE)
    sqlite3_exec(Db, "INSERT INTO users(email) VALUES (1)", nullptr, nullptr, nullptr);
}
void victim(sqlite3 *Db) {
  sqlite3_exec(Db, "DELETE FROM users", nullptr, nullptr, nullptr);
}
"""
WARNING = ("warning: insert into 'users' can race with the preceding "
           "existence check; a concurrent client can insert the same row in "
           "between [sqlrace-check-then-insert]")


def tidy(path, env=None):
    full = dict(os.environ)
    full.pop("SQLRACE_DEBUG_CRASH", None)
    full.update(env or {})
    p = subprocess.run([CLANG_TIDY, "--load=" + MODULE,
                        "--checks=-*,sqlrace-*", "--quiet", path, "--",
                        "-std=c++17"],
                       capture_output=True, text=True, env=full, timeout=300)
    return p.returncode, p.stdout + p.stderr


def expected(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if "// expect: sqlrace-check-then-insert" in line:
                out.append(number)
    return out


class Plugin(unittest.TestCase):
    def test_crash_sites(self):
        for name in sorted(os.listdir(CASES)):
            path = os.path.join(CASES, name)
            with self.subTest(name=name):
                rc, out = tidy(path)
                self.assertGreaterEqual(rc, 0, out)  # no signal
                lines = sorted(int(l.split(":")[1]) for l in out.splitlines()
                               if l.endswith("[sqlrace-check-then-insert]"))
                self.assertEqual(lines, expected(path), out)
                self.assertNotIn("internal error", out)

    def test_failing_function_costs_that_function_only(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "bad.cpp")
            with open(path, "w") as f:
                f.write(RACY)
            for kind, what in [
                    ("segv", "invalid memory access or stack overflow (SIGSEGV)"),
                    ("overflow", "invalid memory access or stack overflow (SIGSEGV)"),
                    ("abort", "aborted (a failed assertion or an uncaught "
                              "exception; SIGABRT)")]:
                with self.subTest(kind=kind):
                    rc, out = tidy(path, {"SQLRACE_DEBUG_CRASH": kind + ":victim"})
                    self.assertGreaterEqual(rc, 0, out)  # no signal
                    self.assertIn(path + ":6:5: " + WARNING, out)
                    self.assertIn(
                        path + ":8:6: error: internal error while analysing "
                        "'victim' (please report): " + what +
                        " [sqlrace-check-then-insert]", out)


if __name__ == "__main__":
    CLANG_TIDY, MODULE = sys.argv[1], sys.argv[2]
    del sys.argv[1:3]
    unittest.main(verbosity=2)
