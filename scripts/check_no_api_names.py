#!/usr/bin/env python3
"""Test: the analysis sources name no database API function.

Knowledge of APIs belongs in rules/*.json. This reads every function name
there and fails if a distinctive one (one with an underscore or an inner
capital, such as sqlite3_step, PQexec, exec_params, executeStep) appears as a
word in the non-test sources of checker/schema, checker/flow, checker/report,
checker/project, checker/tool, checker/checks and checker/tidy-plugin. Plain
words such as "exec" or "next" are not checked: they are English and C++
vocabulary too.
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAYERS = ["schema", "flow", "report", "project", "tool", "checks", "tidy-plugin"]
# Names that APIs share with LLVM's and the standard library's own methods,
# which the analysis calls on Clang and LLVM objects (APSInt::getInt,
# StringLiteral::getString, llvm::toString, PresumedLoc::getColumn, c_str).
# IsEmpty is also the name of sqlrace's own role (catalogue::Role::IsEmpty).
SHARED_VOCABULARY = {"getInt", "getString", "toString", "getColumn", "c_str",
                     "IsEmpty"}


def api_names():
    names = set()
    for path in glob.glob(os.path.join(ROOT, "rules", "*.json")):
        if os.path.basename(path) == "schema.json":
            continue
        with open(path) as f:
            doc = json.load(f)
        for fn in doc.get("functions", []):
            last = fn["name"].split("::")[-1]
            if last.startswith("operator") or last == fn["name"].split("::")[-2:-1]:
                continue
            if "_" in last or re.search(r"[a-z][A-Z]", last) or re.match(r"[A-Z]{2,}[a-z]", last):
                names.add(last)
    return names - SHARED_VOCABULARY


def main():
    names = api_names()
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names))) + r")\b")
    bad = []
    for layer in LAYERS:
        for path in glob.glob(os.path.join(ROOT, "checker", layer, "**", "*"), recursive=True):
            if "/tests/" in path or not path.endswith((".cpp", ".h")):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    for m in pattern.finditer(line):
                        bad.append("%s:%d: API name '%s'" % (os.path.relpath(path, ROOT), number, m.group(1)))
    for b in bad:
        print(b)
    print("checked %d API names over %s" % (len(names), ", ".join(LAYERS)))
    print("%d passed, %d failed" % (0 if bad else 1, 1 if bad else 0))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
