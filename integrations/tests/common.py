"""Helpers shared by the integration tests: the fixture project, running
commands with their output kept, and a tally that ends in the usual
'N passed, N failed' line."""

import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
INTEGRATIONS = os.path.dirname(HERE)
ROOT = os.path.dirname(INTEGRATIONS)
FIXTURE = os.path.join(HERE, "project")

# What sqlrace (CLI or clang-tidy module) reports on the fixture: one finding,
# src/signup.cpp line 18 column 21. {path} is the regex for the directory
# part, {severity} warning or error.
FINDING = ("{path}src/signup.cpp:18:21: {severity}: insert into 'users' can race "
           "with the preceding existence check; a concurrent client can insert "
           "the same row in between \\[sqlrace-check-then-insert{suffix}\\]")


def finding_re(path=r"\S*/", severity="warning", suffix=""):
    return re.compile("^" + FINDING.format(path=path, severity=severity,
                                           suffix=re.escape(suffix)) + "$",
                      re.MULTILINE)


def run(cmd, **kw):
    """Runs cmd, returns (exit status, stdout and stderr together)."""
    kw.setdefault("timeout", 300)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, **kw)
    return p.returncode, p.stdout


def need(program, hint):
    """The path of program, or exit with a message saying how to get it."""
    path = shutil.which(program)
    if not path:
        print(f"error: '{program}' not found; {hint}")
        sys.exit(1)
    return path


def configure_fixture(build_dir, *cmake_args, source=FIXTURE):
    status, out = run(["cmake", "-G", "Ninja", "-S", source, "-B", build_dir,
                       "-DCMAKE_CXX_COMPILER=clang++-19", *cmake_args])
    if status != 0:
        print(out)
        raise SystemExit(f"error: configuring {source} failed")


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what, output=None):
        if ok:
            self.passed += 1
            print(f"PASS {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}")
            if output is not None:
                print("---- output ----\n" + output.rstrip() + "\n----------------")

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed or not self.passed else 0)
