#!/usr/bin/env python3
"""Test: the program generator emits only programs that compile.

Generates COUNT programs from fixed seeds with sqlrace_gen_cpp and compiles
each with `clang++-19 -fsyntax-only` and the flags the generator gives (two
at a time). Also checks that, together, the programs use every construct the
generator promises, so a change cannot silently drop one.
Usage: gen_compile_test.py <sqlrace_gen_cpp> [--count N] [--jobs J] [--keep DIR]
"""

import argparse
import concurrent.futures
import os
import re
import shlex
import subprocess
import sys
import tempfile

# What the programs must contain between them: name -> regular expression.
FEATURES = {
    "sqlite3": r"sqlite3_prepare_v2\(",
    "libpq": r"PQexecParams\(",
    "libpqxx": r"\.exec_params\(",
    "nested if": r"if \(.*\) \{\n\s+if \(",
    "for loop": r"for \(int ",
    "while loop": r"while \(",
    "do-while": r"\bdo \{",
    "goto": r"goto L\d+;",
    "switch": r"switch \(",
    "fallthrough": r"\[\[fallthrough\]\];",
    "try/catch": r"\} catch \(const std::exception",
    "lambda": r"\[&\]\(",
    "generic lambda": r"\[&\]\(auto ",
    "function template": r"template <typename T>\nint ",
    "class template": r"template <typename T>\nstruct Repo",
    "std::string::npos": r"std::string::npos",
    "~0ull": r"~0ull",
    "SIZE_MAX": r"SIZE_MAX",
    "__int128": r"__int128",
    "unsigned enum": r"enum Mode : unsigned long long",
    "switch on unsigned enum": r"switch \(m\)",
    "huge literal (> 64 KB)": r"x{65536}",
    "long + chain (> 3000 pieces)": r"(?: \+ \"\" \+ \"\" \+ \" \"){1000}",
    "macro use": r"RUN_SQL\(|TWICE\(",
    "conversion operator to sqlite3_stmt*": r"StmtRef\{",
    "conversion operator to PGresult*": r"ResRef\{",
    "snprintf %c": r"snprintf\(.*%c",
    "call of an earlier function": r"\(void\)",
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gen")
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", help="write the programs here instead of a temporary directory")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or tmp
        os.makedirs(out_dir, exist_ok=True)

        def one(seed):
            path = os.path.join(out_dir, "gen-%d.cpp" % seed)
            flags = subprocess.run([args.gen, "--seed", str(seed), path], check=True,
                                   capture_output=True, text=True).stdout.split()
            p = subprocess.run(["clang++-19", "-fsyntax-only"] + flags + [path],
                               capture_output=True, text=True)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            return seed, path, flags, p.returncode, p.stderr, text

        failed, seen = [], set()
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            for seed, path, flags, rc, err, text in pool.map(one, range(1, args.count + 1)):
                for name, rx in FEATURES.items():
                    if name not in seen and re.search(rx, text):
                        seen.add(name)
                if rc != 0:
                    failed.append(seed)
                    print("seed %d does not compile: clang++-19 -fsyntax-only %s %s" % (
                        seed, " ".join(shlex.quote(f) for f in flags), path))
                    print("\n".join(err.splitlines()[:20]))
        missing = [n for n in FEATURES if n not in seen]
        if missing:
            print("constructs no program used: " + ", ".join(missing))
        print("%d programs, %d do not compile, %d of %d constructs used" % (
            args.count, len(failed), len(seen), len(FEATURES)))
        return 1 if failed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
