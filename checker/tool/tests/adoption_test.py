#!/usr/bin/env python3
"""End-to-end tests of fix-its and of the options for big code bases:
--fix, --export-fixes (applied with the real clang-apply-replacements-19),
--baseline/--write-baseline, -j, --shard, --header-filter.
Usage: adoption_test.py <path to sqlrace>."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SQLRACE = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
RMW = os.path.join(ROOT, "testdata", "read-modify-write")
CTI = os.path.join(ROOT, "testdata", "check-then-insert")
FIXABLE = "sqlite3-balance-bind-int64.cpp"       # has a .fixed.cpp golden
NOT_FIXABLE = "sqlite3-fix-two-columns-no-fixit.cpp"
SQLITE_FLAGS = ["-std=c++17"]
APPLY = shutil.which("clang-apply-replacements-19")


def run(*args, cwd=None):
    p = subprocess.run([SQLRACE, *args], capture_output=True, text=True,
                       timeout=300, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def read(path):
    with open(path, "rb") as f:
        return f.read()


class Fixes(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="sqlrace-fix-")
        for name in (FIXABLE, NOT_FIXABLE):
            shutil.copy(os.path.join(RMW, name), self.dir)
        self.fixable = os.path.join(self.dir, FIXABLE)
        self.not_fixable = os.path.join(self.dir, NOT_FIXABLE)
        self.golden = os.path.join(RMW, FIXABLE[:-4] + ".fixed.cpp")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_text_shows_fixit(self):
        rc, out, _ = run(self.fixable, "--", *SQLITE_FLAGS)
        self.assertEqual(rc, 1)
        # clang prints the replacement text under the caret line.
        self.assertIn("balance - ", out)

    def test_fix_applies_exactly_the_golden(self):
        before = read(self.not_fixable)
        rc, _, err = run("--fix", self.fixable, self.not_fixable, "--",
                         *SQLITE_FLAGS)
        self.assertEqual(rc, 1, err)  # the findings were still found
        self.assertIn("sqlrace applied 1 of 1 suggested fix", err)
        self.assertEqual(read(self.fixable), read(self.golden))
        self.assertEqual(read(self.not_fixable), before)
        # No temporary file is left behind.
        self.assertEqual(sorted(os.listdir(self.dir)), sorted([FIXABLE, NOT_FIXABLE]))
        # The fixed file no longer has the read-modify-write.
        rc, out, _ = run("--checks=-*,sqlrace-read-modify-write",
                         self.fixable, "--", *SQLITE_FLAGS)
        self.assertEqual((rc, out), (0, ""))

    def test_fix_keeps_permissions(self):
        os.chmod(self.fixable, 0o640)
        run("--fix", self.fixable, "--", *SQLITE_FLAGS)
        self.assertEqual(os.stat(self.fixable).st_mode & 0o777, 0o640)

    def test_fix_into_read_only_directory_leaves_file_intact(self):
        if os.geteuid() == 0:
            self.skipTest("root writes into read-only directories")
        before = read(self.fixable)
        os.chmod(self.dir, 0o555)
        try:
            rc, _, err = run("--fix", self.fixable, "--", *SQLITE_FLAGS)
        finally:
            os.chmod(self.dir, 0o755)
        self.assertEqual(rc, 2)
        self.assertIn("cannot create a temporary file", err)
        self.assertEqual(read(self.fixable), before)

    def test_export_fixes_applied_by_clang_apply_replacements(self):
        self.assertTrue(APPLY, "clang-apply-replacements-19 is not installed "
                        "(Debian package clang-tools-19, scripts/install-deps.sh)")
        fixes_dir = os.path.join(self.dir, "fixes")
        os.mkdir(fixes_dir)
        yaml_file = os.path.join(fixes_dir, "sqlrace.yaml")
        before = read(self.fixable)
        rc, _, err = run("--export-fixes=" + yaml_file, self.fixable, "--",
                         *SQLITE_FLAGS)
        self.assertEqual(rc, 1, err)
        self.assertEqual(read(self.fixable), before, "exporting changes nothing")
        text = read(yaml_file).decode()
        self.assertIn("DiagnosticName:  sqlrace-read-modify-write", text)
        p = subprocess.run([APPLY, fixes_dir], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(read(self.fixable), read(self.golden))


class Baseline(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="sqlrace-baseline-")
        self.src = os.path.join(self.dir, FIXABLE)
        shutil.copy(os.path.join(RMW, FIXABLE), self.src)
        self.baseline = os.path.join(self.dir, "baseline.json")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_known_findings_pass_new_ones_fail(self):
        rc, _, err = run("--write-baseline=" + self.baseline, self.src, "--",
                         *SQLITE_FLAGS)
        self.assertEqual(rc, 0, err)
        doc = json.loads(read(self.baseline))
        self.assertEqual(doc["version"], 1)
        self.assertEqual([(f["check"], f["line"]) for f in doc["findings"]],
                         [("sqlrace-read-modify-write", 27)])
        # Known: silent and exit 0, even after unrelated lines moved.
        with open(self.src) as f:
            text = f.read()
        with open(self.src, "w") as f:
            f.write("// a new comment\n\n" + text)
        rc, out, err = run("--baseline=" + self.baseline, self.src, "--",
                           *SQLITE_FLAGS)
        self.assertEqual((rc, out), (0, ""), err)
        self.assertIn("1 known from the baseline", err)
        # A new race in the same file is reported.
        with open(os.path.join(RMW, "sqlitecpp-balance-get-int64.cpp")) as f:
            other = f.read()
        other_src = os.path.join(self.dir, "other.cpp")
        with open(other_src, "w") as f:
            f.write(other)
        rc, out, _ = run("--baseline=" + self.baseline, self.src, other_src,
                         "--", *SQLITE_FLAGS, "-I/usr/include")
        self.assertEqual(rc, 1)
        self.assertIn(other_src + ":", out)
        self.assertNotIn(self.src + ":", out)

    def test_broken_baseline_named_with_position(self):
        with open(self.baseline, "w") as f:
            f.write('{"version": 1,\n "findings": [}\n')
        rc, _, err = run("--baseline=" + self.baseline, self.src, "--",
                         *SQLITE_FLAGS)
        self.assertEqual(rc, 2)
        self.assertIn("baseline '%s': invalid JSON" % self.baseline, err)
        self.assertIn("invalid JSON at line 2, column 15: ", err)
        with open(self.baseline, "w") as f:
            f.write('{"version": 1, "findings": [{"check": "x"}]}')
        rc, _, err = run("--baseline=" + self.baseline, self.src, "--",
                         *SQLITE_FLAGS)
        self.assertEqual(rc, 2)
        self.assertIn('finding 1 has no "fingerprint" string', err)


class ManyFiles(unittest.TestCase):
    FILES = sorted(os.path.join(CTI, f) for f in os.listdir(CTI)
                   if f.startswith("sqlite3-") and f.endswith(".cpp")
                   and not f.endswith(".fixed.cpp"))[:12]

    def test_parallel_output_equals_serial(self):
        rc1, out1, err1 = run("-j", "1", *self.FILES, "--", *SQLITE_FLAGS)
        rc2, out2, err2 = run("-j", "2", *self.FILES, "--", *SQLITE_FLAGS)
        self.assertEqual(rc1, rc2)
        self.assertEqual(out1, out2)
        self.assertEqual(err1, err2)
        self.assertIn("warning:", out1)

    def test_shards_partition_the_files(self):
        seen = []
        for i in (1, 2, 3):
            rc, out, _ = run("--format=json", "--shard=%d/3" % i, *self.FILES,
                             "--", *SQLITE_FLAGS)
            seen += [f["file"] for f in json.loads(out)["files"]]
        self.assertEqual(sorted(seen), sorted(self.FILES))

    def test_progress_line_on_request_only(self):
        files = self.FILES[:2]
        _, _, err = run("--progress", *files, "--", *SQLITE_FLAGS)
        self.assertIn("\x1b[K[1/2] " + os.path.basename(files[0]), err)
        self.assertIn("[2/2] " + os.path.basename(files[1]), err)
        # Not a terminal: no progress line, and never with --quiet.
        _, _, err = run(*files, "--", *SQLITE_FLAGS)
        self.assertNotIn("[1/2]", err)
        _, _, err = run("--progress", "--quiet", *files, "--", *SQLITE_FLAGS)
        self.assertNotIn("[1/2]", err)

    def test_bad_shard(self):
        rc, _, err = run("--shard=4/3", self.FILES[0], "--", *SQLITE_FLAGS)
        self.assertEqual(rc, 2)
        self.assertIn("--shard wants I/N", err)


class Colour(unittest.TestCase):
    def test_use_color(self):
        src = os.path.join(RMW, FIXABLE)
        _, out, _ = run("--use-color", src, "--", *SQLITE_FLAGS)
        self.assertIn("\x1b[", out)
        _, out, _ = run("--use-color=false", src, "--", *SQLITE_FLAGS)
        self.assertNotIn("\x1b[", out)


class HeaderFilter(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="sqlrace-headers-")
        with open(os.path.join(RMW, FIXABLE)) as f:
            body = f.read()
        with open(os.path.join(self.dir, "wallet.h"), "w") as f:
            f.write("#pragma once\n" + body.replace("bool buy(", "inline bool buy("))
        for name in ("a.cpp", "b.cpp"):
            with open(os.path.join(self.dir, name), "w") as f:
                f.write('#include "wallet.h"\n')
        self.files = [os.path.join(self.dir, n) for n in ("a.cpp", "b.cpp")]

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_headers_only_when_asked_and_reported_once(self):
        rc, out, _ = run(*self.files, "--", *SQLITE_FLAGS)
        self.assertEqual((rc, out), (0, ""))
        rc, out, _ = run("--header-filter=wallet\\.h$", *self.files, "--",
                         *SQLITE_FLAGS)
        self.assertEqual(rc, 1)
        warnings = [l for l in out.splitlines() if ": warning: " in l]
        self.assertEqual(len(warnings), 1, out)
        self.assertTrue(warnings[0].startswith(os.path.join(self.dir, "wallet.h") + ":28:"))

    def test_bad_header_filter(self):
        rc, _, err = run("--header-filter=(", *self.files, "--", *SQLITE_FLAGS)
        self.assertEqual(rc, 2)
        self.assertIn("--header-filter: invalid regular expression", err)


if __name__ == "__main__":
    SQLRACE = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
