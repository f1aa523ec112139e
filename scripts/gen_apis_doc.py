#!/usr/bin/env python3
"""Generates docs/apis.md from rules/*.json.

    python3 scripts/gen_apis_doc.py          # rewrite docs/apis.md
    python3 scripts/gen_apis_doc.py --check  # test: fail if docs/apis.md is stale
"""
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, "docs", "apis.md")

ARG_KEYS = ["connection_arg", "sql_arg", "name_arg", "statement_arg", "statement_out_arg",
            "result_arg", "value_arg", "index_arg", "params_arg", "params_from"]


def describe_args(fn):
    parts = []
    for key in ARG_KEYS:
        if key in fn:
            parts.append("%s: %s" % (key.replace("_arg", "").replace("_", " "), fn[key]))
    for key in ("row_code", "done_code"):
        if key in fn:
            parts.append("%s %s" % (key.replace("_", " "), fn[key]))
    if "isolation_arg" in fn:
        parts.append("isolation: %s (%s)" % (fn["isolation_arg"], ", ".join(
            "%s = %s" % (k, v) for k, v in fn.get("isolation_names", {}).items())))
    if fn.get("returns_value"):
        parts.append("returns the value")
    if "dialect_names" in fn:
        parts.append("dialect from %s of: %s" % (
            "text containing one" if fn.get("dialect_match") == "contains" else "a name or text beginning with one",
            ", ".join("`%s` = %s" % (k, v) for k, v in fn["dialect_names"].items())))
    if "when" in fn:
        parts.append("only when " + " and ".join(
            "argument %s is %s" % (k, " or ".join(str(x) for x in v)) for k, v in fn["when"].items()))
    return ", ".join(parts)


def render():
    out = ["# Database APIs sqlrace knows",
           "",
           "Generated from `rules/*.json` by `scripts/gen_apis_doc.py`; do not edit by hand",
           "(a test fails when this file is stale). `sqlrace --list-apis` prints the same list.",
           "Argument positions count from 0; `object` is the object a method is called on,",
           "`return` the call's value. Roles are defined in `rules/README.md`.",
           ""]
    files = sorted(p for p in glob.glob(os.path.join(ROOT, "rules", "*.json"))
                   if os.path.basename(p) != "schema.json")
    docs = [(p, json.load(open(p))) for p in files]
    out.append("| API | dialect | rules file |")
    out.append("|---|---|---|")
    for path, doc in docs:
        out.append("| %s | %s | `rules/%s` |" % (doc["library"], doc.get("dialect", "varies"),
                                                os.path.basename(path)))
    for path, doc in docs:
        out += ["", "## %s" % doc["library"], "",
                "- Rules file: `rules/%s`" % os.path.basename(path),
                "- Dialect: %s" % doc.get("dialect", "varies (set it in `.sqlrace.json`)"),
                "- Source: %s" % doc["source"]]
        if doc.get("headers"):
            out.append("- Headers: %s" % ", ".join("`%s`" % h for h in doc["headers"]))
        uv = doc.get("unique_violation", {})
        shown = []
        if uv.get("codes"):
            shown.append("codes %s" % ", ".join(map(str, uv["codes"])))
        if uv.get("sqlstates"):
            shown.append("SQLSTATE/text %s" % ", ".join('"%s"' % s for s in uv["sqlstates"]))
        if uv.get("exceptions"):
            shown.append("exceptions %s" % ", ".join("`%s`" % e for e in uv["exceptions"]))
        if uv.get("names"):
            shown.append("constants %s" % ", ".join("`%s`" % e for e in uv["names"]))
        if shown:
            out.append("- Unique violation: %s" % "; ".join(shown))
        out += ["", "| function | role | arguments |", "|---|---|---|"]
        for fn in doc.get("functions", []):
            name = fn["name"] + ("/%d" % fn["params"] if "params" in fn else "")
            out.append("| `%s` | %s | %s |" % (name, fn["role"], describe_args(fn)))
        if doc.get("types"):
            out += ["", "| type | role | connection from constructor argument |", "|---|---|---|"]
            for t in doc["types"]:
                if t["role"] == "facet":
                    ctor = "(the object it is a member of)"
                elif t["role"] == "statement_text":
                    ctor = "(no connection; SQL text from constructor argument %s)" % t["sql_ctor_arg"]
                else:
                    ctor = t.get("connection_ctor_arg", 0)
                out.append("| `%s` | %s | %s |" % (t["name"], t["role"], ctor))
    return "\n".join(out) + "\n"


def main():
    text = render()
    if "--check" in sys.argv:
        current = open(DOC).read() if os.path.exists(DOC) else ""
        if current != text:
            print("docs/apis.md is stale: run python3 scripts/gen_apis_doc.py")
            print("0 passed, 1 failed")
            return 1
        print("1 passed, 0 failed")
        return 0
    with open(DOC, "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
