#!/usr/bin/env python3
"""End-to-end tests that --fix and the output files cannot corrupt anything
(issue 11; docs/reliability.md, "Fixes and output files"), with the real
sqlrace: concurrent --fix runs, a file edited between analysis and write,
read-only files, modes and owner, hard links, symlinks, SIGTERM/SIGKILL
during the write, --write-baseline/--export-fixes through a symlink or onto
a device. Every check is on exact bytes, messages and exit statuses.

The pauses use sqlrace's test hooks SQLRACE_TEST_PAUSE_BEFORE_FIX and
SQLRACE_TEST_PAUSE_IN_WRITE (checker/report/include/sqlrace/report/Fixes.h).
Usage: fix_safety_test.py <path to sqlrace>."""

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import unittest

SQLRACE = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
RMW = os.path.join(ROOT, "testdata", "read-modify-write")
FIXABLE = "sqlite3-balance-bind-int64.cpp"   # has a .fixed.cpp golden
FLAGS = ["-std=c++17"]
REPETITIONS = 50
HOOK = "sqlrace: test hook: pausing "


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def run(*args, env=None):
    p = subprocess.run([SQLRACE, *args], capture_output=True, text=True,
                       timeout=120, env=env)
    return p.returncode, p.stdout, p.stderr


def hooked(env_name, seconds, *args):
    """Starts sqlrace with a pause hook; returns it once it is pausing,
    with the hook's line."""
    env = dict(os.environ, **{env_name: str(seconds)})
    p = subprocess.Popen([SQLRACE, *args], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=env)
    for line in p.stderr:
        if line.startswith(HOOK):
            return p, line
    p.wait()
    raise AssertionError("sqlrace ended (%d) before its pause" % p.returncode)


def error_lines(err):
    return [l for l in err.splitlines() if l.startswith("sqlrace: error:")]


class FixSafety(unittest.TestCase):
    def setUp(self):
        # realpath: sqlrace names a file by its canonical path.
        self.dir = os.path.realpath(tempfile.mkdtemp(prefix="sqlrace-fixsafe-"))
        self.file = os.path.join(self.dir, FIXABLE)
        shutil.copy(os.path.join(RMW, FIXABLE), self.file)
        self.original = read(self.file)
        self.fixed = read(os.path.join(RMW, FIXABLE[:-4] + ".fixed.cpp"))
        self.assertNotEqual(self.original, self.fixed)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def leftovers(self):
        return [n for n in os.listdir(self.dir) if ".sqlrace-" in n]

    def fix(self, path=None, env=None):
        return run("--fix", path or self.file, "--", *FLAGS, env=env)

    def test_fix_applies_the_golden(self):
        rc, _, err = self.fix()
        self.assertEqual(rc, 1, err)
        self.assertIn("sqlrace applied 1 of 1 suggested fix\n", err)
        self.assertEqual(read(self.file), self.fixed)
        self.assertEqual(self.leftovers(), [])

    def test_concurrent_runs(self):
        changed = ("sqlrace: error: '%s' changed since it was analysed; its "
                   "fixes were not applied" % self.file)
        outcomes = set()
        for _ in range(REPETITIONS):
            write(self.file, self.original)
            runs = [subprocess.Popen([SQLRACE, "--fix", self.file, "--", *FLAGS],
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
                    for _ in range(2)]
            results = [(p.wait(timeout=120), p.stderr.read()) for p in runs]
            for p in runs:
                p.stdout.close()
                p.stderr.close()
            data = read(self.file)
            self.assertIn(data, (self.original, self.fixed))
            self.assertEqual(data, self.fixed, results)
            self.assertEqual(self.leftovers(), [])
            for rc, err in results:
                # Fixed it (1), found nothing left to fix (0), or refused
                # because the other run had just fixed it (2).
                self.assertIn(rc, (0, 1, 2), err)
                if rc == 2:
                    self.assertEqual(error_lines(err), [changed])
            outcomes.add(tuple(sorted(rc for rc, _ in results)))
        # Exactly one run of each pair applies the fix.
        self.assertTrue(outcomes <= {(1, 2), (0, 1)}, outcomes)

    def test_file_edited_after_analysis_is_refused(self):
        p, line = hooked("SQLRACE_TEST_PAUSE_BEFORE_FIX", 2,
                         "--fix", self.file, "--", *FLAGS)
        self.assertEqual(line, "%sbefore fixing '%s'\n" % (HOOK, self.file))
        edited = self.original.replace(b"Price", b"Cost")
        write(self.file, edited)
        err = p.stderr.read()
        self.assertEqual(p.wait(timeout=120), 2)
        p.stdout.close()
        p.stderr.close()
        self.assertEqual(error_lines(err), [
            "sqlrace: error: '%s' changed since it was analysed; its fixes "
            "were not applied" % self.file])
        self.assertIn("sqlrace applied 0 of 1 suggested fix\n", err)
        self.assertEqual(read(self.file), edited)
        self.assertEqual(self.leftovers(), [])

    def test_read_only_file_is_refused(self):
        # Also as root, who could write it: the mode bits decide.
        os.chmod(self.file, 0o444)
        rc, _, err = self.fix()
        self.assertEqual(rc, 2)
        self.assertEqual(error_lines(err), [
            "sqlrace: error: '%s' is read-only; its fixes were not applied"
            % self.file])
        self.assertEqual(read(self.file), self.original)
        self.assertEqual(stat.S_IMODE(os.stat(self.file).st_mode), 0o444)

    def test_modes_and_owner_are_kept(self):
        old = os.umask(0o022)
        try:
            for mode in (0o666, 0o4755, 0o2750, 0o600):
                write(self.file, self.original)
                os.chmod(self.file, mode)
                rc, _, err = self.fix()
                self.assertEqual(rc, 1, err)
                self.assertEqual(read(self.file), self.fixed)
                self.assertEqual(stat.S_IMODE(os.stat(self.file).st_mode), mode)
        finally:
            os.umask(old)
        if os.geteuid() == 0:
            write(self.file, self.original)
            os.chown(self.file, 4321, 4322)
            os.chmod(self.file, 0o4755)
            rc, _, err = self.fix()
            self.assertEqual(rc, 1, err)
            st = os.stat(self.file)
            self.assertEqual((st.st_uid, st.st_gid), (4321, 4322))
            self.assertEqual(stat.S_IMODE(st.st_mode), 0o4755)
            self.assertEqual(read(self.file), self.fixed)

    def test_hard_link_stays_linked(self):
        other = os.path.join(self.dir, "other-name.cpp")
        os.link(self.file, other)
        rc, _, err = self.fix()
        self.assertEqual(rc, 1, err)
        a, b = os.stat(self.file), os.stat(other)
        self.assertEqual((a.st_ino, a.st_nlink), (b.st_ino, 2))
        self.assertEqual(read(self.file), self.fixed)
        self.assertEqual(read(other), self.fixed)
        self.assertEqual(self.leftovers(), [])

    def test_symlink_stays_a_symlink(self):
        link_dir = os.path.join(self.dir, "links")
        os.mkdir(link_dir)
        link = os.path.join(link_dir, "link.cpp")
        os.symlink(os.path.join("..", FIXABLE), link)
        rc, _, err = self.fix(link)
        self.assertEqual(rc, 1, err)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(os.readlink(link), os.path.join("..", FIXABLE))
        self.assertEqual(read(self.file), self.fixed)
        self.assertEqual(self.leftovers(), [])
        self.assertEqual(os.listdir(link_dir), ["link.cpp"])

    def test_sigterm_during_write_leaves_no_temporary_file(self):
        other = os.path.join(self.dir, "other-name.cpp")
        # Replaced by a rename (one link), then in place (two links).
        for sig, linked in ((signal.SIGTERM, False), (signal.SIGINT, False),
                            (signal.SIGTERM, True)):
            if linked:
                os.link(self.file, other)
            p, line = hooked("SQLRACE_TEST_PAUSE_IN_WRITE", 60,
                             "--fix", self.file, "--", *FLAGS)
            temp = os.path.join(self.dir, ".%s.sqlrace-%d.tmp" % (FIXABLE, p.pid))
            self.assertEqual(line, "%swith '%s' written\n" % (HOOK, temp))
            self.assertEqual(read(temp), self.fixed)  # complete before use
            p.send_signal(sig)
            self.assertEqual(p.wait(timeout=30), -sig)
            p.stdout.close()
            p.stderr.close()
            self.assertEqual(self.leftovers(), [])
            self.assertEqual(read(self.file), self.original)
        self.assertEqual(os.stat(other).st_ino, os.stat(self.file).st_ino)

    def test_sigkill_leftover_is_removed_by_the_next_run(self):
        p, _ = hooked("SQLRACE_TEST_PAUSE_IN_WRITE", 60,
                      "--fix", self.file, "--", *FLAGS)
        p.kill()
        p.wait(timeout=30)
        p.stdout.close()
        p.stderr.close()
        self.assertEqual(self.leftovers(), [".%s.sqlrace-%d.tmp" % (FIXABLE, p.pid)])
        self.assertEqual(read(self.file), self.original)
        rc, _, err = self.fix()
        self.assertEqual(rc, 1, err)
        self.assertEqual(self.leftovers(), [])
        self.assertEqual(read(self.file), self.fixed)


class OutputFiles(unittest.TestCase):
    def setUp(self):
        self.dir = os.path.realpath(tempfile.mkdtemp(prefix="sqlrace-outfile-"))
        self.file = os.path.join(self.dir, FIXABLE)
        shutil.copy(os.path.join(RMW, FIXABLE), self.file)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_write_baseline_through_a_symlink(self):
        target = os.path.join(self.dir, "real-baseline.json")
        link = os.path.join(self.dir, "baseline.json")
        write(target, b"old\n")
        os.chmod(target, 0o664)
        os.symlink("real-baseline.json", link)
        rc, _, err = run("--write-baseline=" + link, self.file, "--", *FLAGS)
        self.assertEqual(rc, 0, err)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(os.readlink(link), "real-baseline.json")
        doc = json.loads(read(target))
        self.assertEqual((doc["version"], len(doc["findings"])), (1, 1))
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o664)
        # A dangling symlink: its target is created.
        os.remove(target)
        rc, _, err = run("--write-baseline=" + link, self.file, "--", *FLAGS)
        self.assertEqual(rc, 0, err)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(json.loads(read(target))["version"], 1)

    def test_export_fixes_through_a_symlink(self):
        target = os.path.join(self.dir, "fixes.yaml")
        link = os.path.join(self.dir, "link.yaml")
        write(target, b"")
        os.symlink(target, link)
        rc, _, err = run("--export-fixes=" + link, self.file, "--", *FLAGS)
        self.assertEqual(rc, 1, err)
        self.assertTrue(os.path.islink(link))
        self.assertIn(b"DiagnosticName:  sqlrace-read-modify-write", read(target))

    def devices(self):
        """/dev/full and /dev/null, or, as root (who could replace them if
        sqlrace were broken), private nodes of the same devices."""
        if os.geteuid() != 0:
            return [d for d in ("/dev/full", "/dev/null") if os.path.exists(d)]
        nodes = []
        for name, minor in (("full", 7), ("null", 3)):
            node = os.path.join(self.dir, name)
            try:
                os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
            except PermissionError:
                self.skipTest("root without CAP_MKNOD: not risking /dev/" + name)
            nodes.append(node)
        return nodes

    def test_devices_are_refused(self):
        for device in self.devices():
            link = os.path.join(self.dir, "link-to-" + os.path.basename(device))
            os.symlink(device, link)
            for option in ("--write-baseline=", "--export-fixes="):
                for path in (device, link):
                    before = os.lstat(device)
                    rc, _, err = run(option + path, self.file, "--", *FLAGS)
                    self.assertEqual(rc, 2, err)
                    self.assertEqual(error_lines(err), [
                        "sqlrace: error: '%s' is a character device, not a "
                        "regular file; refusing to replace it" % path])
                    after = os.lstat(device)
                    self.assertTrue(stat.S_ISCHR(after.st_mode))
                    self.assertEqual((after.st_ino, after.st_rdev),
                                     (before.st_ino, before.st_rdev))
                    self.assertTrue(os.path.islink(link))

    def test_read_only_baseline_is_refused(self):
        target = os.path.join(self.dir, "baseline.json")
        write(target, b"keep\n")
        os.chmod(target, 0o444)
        rc, _, err = run("--write-baseline=" + target, self.file, "--", *FLAGS)
        self.assertEqual(rc, 2, err)
        self.assertEqual(error_lines(err),
                         ["sqlrace: error: '%s' is read-only" % target])
        self.assertEqual(read(target), b"keep\n")


if __name__ == "__main__":
    SQLRACE = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
