"""Runs sqlrace on one annotated testdata file and reads what it printed.

The flags come from the file's own ARGS/REQUIRES header, read with
testdata/run.py, so the proofs compile each input exactly as its testdata
case does. Only the JSON report is read (never stderr).
"""

import json
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
TESTDATA = os.path.join(ROOT, "testdata")
sys.path.insert(0, TESTDATA)
import run as testdata_run  # noqa: E402  (testdata/run.py)

# What follows the SQL in an "atomic rewrite (...): <SQL>..." note
# (checker/report/lib/Wording.cpp).
_REWRITE_TAILS = (", or INSERT OR IGNORE", ", backed by ", ", then tell a new row",
                  ", binding the change")
_REWRITE_RE = re.compile(r"^atomic rewrite(?: \((?P<dialect>[^)]*)\))?: (?P<rest>.*)$", re.DOTALL)


class Finding:
    """One warning of sqlrace with its notes."""

    def __init__(self, diag):
        self.check = diag.get("check", "")
        self.line = int(diag.get("line", 0))
        self.message = diag.get("message", "")
        self.notes = [n.get("message", "") for n in diag.get("notes", []) or []]

    def note_starting(self, prefix):
        for n in self.notes:
            if n.startswith(prefix):
                return n
        return None

    def rewrite(self):
        """(dialect, SQL, whole note) of the 'atomic rewrite' note, or None."""
        for n in self.notes:
            m = _REWRITE_RE.match(n)
            if not m:
                continue
            rest = m.group("rest")
            cut = min([rest.find(t) for t in _REWRITE_TAILS if t in rest] or [len(rest)])
            return m.group("dialect"), rest[:cut].strip(), n
        return None


class Report:
    def __init__(self, path, findings, command):
        self.path = path
        self.findings = findings
        self.command = command

    def only(self, check=None):
        """The single finding (of `check`), or an AssertionError naming what came out."""
        found = [f for f in self.findings if check is None or f.check == check]
        if len(found) != 1:
            raise AssertionError("expected one %s finding in %s, got %d: %s" % (
                check or "", self.path, len(found), [(f.check, f.line, f.message) for f in self.findings]))
        return found[0]


def analyse(sqlrace, relpath, timeout=300):
    """Runs sqlrace --format=json on testdata/<relpath>; returns a Report."""
    path = os.path.join(TESTDATA, relpath)
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    sqlrace_flags, clang_flags, packages, _ = testdata_run.parse_test(path, lines)
    missing, extra = testdata_run.pkg_cflags(packages)
    if missing:
        raise RuntimeError("pkg-config cannot find %s (needed by %s); run scripts/install-deps.sh"
                           % (" ".join(missing), relpath))
    cmd = [sqlrace, "--format=json"] + sqlrace_flags + [path, "--"] + clang_flags + extra
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=TESTDATA)
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        raise RuntimeError("sqlrace printed no JSON for %s (exit %d): %s" % (
            relpath, proc.returncode, proc.stderr[-2000:]))
    for entry in report.get("files", []):
        if entry.get("status") != "ok":
            raise RuntimeError("sqlrace could not analyse %s: %s" % (relpath, entry.get("message")))
    return Report(relpath, [Finding(d) for d in report.get("diagnostics", [])], cmd)


if __name__ == "__main__":
    # Debugging aid: sqlrace_output.py SQLRACE testdata-relative-file...
    for rel in sys.argv[2:]:
        rep = analyse(sys.argv[1], rel)
        print("==", rel)
        for f in rep.findings:
            print("  %s:%d %s" % (f.check, f.line, f.message))
            for n in f.notes:
                print("     note:", n)
            print("     rewrite:", f.rewrite())
