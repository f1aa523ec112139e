#!/usr/bin/env python3
"""Test: the demo project's compile database, analysed with `sqlrace -p`,
yields exactly the findings demo/README.md promises, and exit status 1.
Usage: check_demo.py <path to sqlrace>."""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, "signup-service")

# (file relative to the project, line, check)
EXPECTED = [("src/accounts.cpp", 30, "sqlrace-check-then-insert"),
            ("src/counters.cpp", 36, "sqlrace-read-modify-write"),
            ("src/counters.cpp", 52, "sqlrace-read-modify-write")]


def main():
    sqlrace = sys.argv[1]
    with tempfile.TemporaryDirectory() as build:
        subprocess.run(["cmake", "-G", "Ninja", "-S", PROJECT, "-B", build,
                        "-DCMAKE_CXX_COMPILER=clang++-19",
                        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"],
                       check=True, stdout=subprocess.DEVNULL)
        p = subprocess.run([sqlrace, "--format=json", "-p", build],
                           capture_output=True, text=True, timeout=300)
    doc = json.loads(p.stdout)
    bad = [f for f in doc["files"] if f["status"] != "ok"]
    got = sorted((os.path.relpath(d["file"], PROJECT), d["line"], d["check"])
                 for d in doc["diagnostics"])
    ok = p.returncode == 1 and not bad and got == sorted(EXPECTED) and \
        len(doc["files"]) == 5
    if not ok:
        print("exit status:", p.returncode, "(expected 1)")
        print("files not analysed:", bad)
        print("expected:", sorted(EXPECTED))
        print("got:     ", got)
        print(p.stderr)
        return 1
    print("demo: %d finding(s) as expected in %d files" % (len(got), len(doc["files"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
