#!/usr/bin/env python3
"""Run sqlrace on annotated test inputs and compare its findings with the annotations.

Usage: run.py --sqlrace PATH [--update-hint] [--timeout S] FILE...

See testdata/README.md for the annotation syntax. Standard library only.
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys

HEADER_LINES = 30
DEFAULT_CLANG_FLAGS = ["-std=c++17"]
EXIT_UNSUPPORTED = 77

# "// kind: check-id [text]" -- trailing code or on a line by itself.
ANNOTATION_RE = re.compile(
    r"//\s*(?P<kind>todo-expect|todo-ok|expect|note|ok):\s*(?P<check>[A-Za-z0-9_.-]+)(?:\s+(?P<text>.*?))?\s*$")
ARGS_RE = re.compile(r"//\s*ARGS:(?P<rest>.*)$")
REQUIRES_RE = re.compile(r"//\s*REQUIRES:(?P<rest>.*)$")
PKG_RE = re.compile(r"pkg\(([^()\s]+)\)")


class TestError(Exception):
    """The test input itself is malformed (bad header, dangling annotation)."""


class Annotation:
    def __init__(self, kind, check, text, line, source_line):
        self.kind = kind              # expect, note, ok, todo-expect, todo-ok
        self.check = check
        self.text = text or ""
        self.line = line              # line the annotation applies to
        self.source_line = source_line  # line the annotation is written on
        self.pattern = compile_pattern(self.text)

    def matches(self, check, line, message):
        return (check == self.check and line == self.line
                and (self.pattern is None or self.pattern.fullmatch(message.strip()) is not None))

    def describe(self):
        where = "line %d" % self.line
        if self.source_line != self.line:
            where += " (annotation on line %d)" % self.source_line
        return "%s: %s %s%s" % (where, self.kind, self.check, " " + self.text if self.text else "")


def compile_pattern(text):
    """Literal text, with '...*' as a wildcard and '{{re}}' as a regex; None matches anything."""
    if not text:
        return None
    parts = []
    pos = 0
    for m in re.finditer(r"\{\{(.*?)\}\}|\.\.\.\*", text):
        parts.append(re.escape(text[pos:m.start()]))
        parts.append("(?:%s)" % m.group(1) if m.group(1) is not None else ".*")
        pos = m.end()
    parts.append(re.escape(text[pos:]))
    try:
        return re.compile("".join(parts), re.DOTALL)
    except re.error as e:
        raise TestError("bad regex in annotation %r: %s" % (text, e))


def parse_test(path, lines):
    """Returns (sqlrace_flags, clang_flags, packages, annotations)."""
    sqlrace_flags, clang_flags, packages = [], None, []
    for text in lines[:HEADER_LINES]:
        m = ARGS_RE.search(text)
        if m:
            words = shlex.split(m.group("rest"))
            if "--" in words:
                cut = words.index("--")
                sqlrace_flags, clang_flags = words[:cut], words[cut + 1:]
            else:
                sqlrace_flags = words
        m = REQUIRES_RE.search(text)
        if m:
            rest = m.group("rest")
            found = PKG_RE.findall(rest)
            if not found or PKG_RE.sub("", rest).strip():
                raise TestError("cannot read REQUIRES line %r; expected pkg(name) [pkg(name)...]" % text.strip())
            packages += found
    if not clang_flags:
        clang_flags = list(DEFAULT_CLANG_FLAGS)
    elif not any(f.startswith("-std=") for f in clang_flags):
        clang_flags = DEFAULT_CLANG_FLAGS + clang_flags

    annotations, pending = [], []
    for number, text in enumerate(lines, start=1):
        m = ANNOTATION_RE.search(text)
        if m:
            standalone = text[:m.start()].strip() == ""
            item = (m.group("kind"), m.group("check"), m.group("text"), number)
            if standalone:
                pending.append(item)
                continue
            annotations.append(Annotation(*item[:3], number, number))
        for kind, check, note_text, written in pending:
            annotations.append(Annotation(kind, check, note_text, number, written))
        pending = []
    if pending:
        raise TestError("annotation on line %d applies to no line (end of file)" % pending[0][3])
    return sqlrace_flags, clang_flags, packages, annotations


def pkg_cflags(packages):
    """Returns (missing packages, cflags)."""
    missing, flags = [], []
    for pkg in packages:
        try:
            ok = subprocess.run(["pkg-config", "--exists", pkg]).returncode == 0
        except FileNotFoundError:
            ok = False
        if not ok:
            missing.append(pkg)
            continue
        out = subprocess.run(["pkg-config", "--cflags", pkg], capture_output=True, text=True, check=True)
        flags += shlex.split(out.stdout)
    return missing, flags


def same_file(a, b):
    return os.path.realpath(a) == os.path.realpath(b)


def match_all(annotations, items, describe_item):
    """Pairs each item (check, line, message, payload) with the annotations it matches.

    Returns (hits, item_hits, errors): annotation index -> matched item indices, item index ->
    matched annotation indices, and the ambiguity errors.
    An item matching two annotations, or an annotation matching two items, is an error.
    """
    errors = []
    hits = {i: [] for i in range(len(annotations))}
    item_hits = []
    for j, (check, line, message, _) in enumerate(items):
        matched = [i for i, a in enumerate(annotations) if a.matches(check, line, message)]
        item_hits.append(matched)
        for i in matched:
            hits[i].append(j)
        if len(matched) > 1:
            errors.append("%s matches %d annotations: %s" % (
                describe_item(items[j]), len(matched), "; ".join(annotations[i].describe() for i in matched)))
    for i, js in hits.items():
        if len(js) > 1:
            errors.append("annotation %s matches %d diagnostics: %s" % (
                annotations[i].describe(), len(js), "; ".join(describe_item(items[j]) for j in js)))
    return hits, item_hits, errors


def describe_diag(item):
    check, line, message, level = item
    return "line %d: %s %s: %s" % (line, level, check, message)


def compare(path, report, annotations):
    """Returns (failures, xfails): lists of text lines."""
    failures, xfails = [], []
    for entry in report.get("files", []):
        if entry.get("status") != "ok":
            failures.append("sqlrace could not analyse %s: %s" % (entry.get("file"), entry.get("message", "(no message)")))
    if not any(same_file(e.get("file", ""), path) for e in report.get("files", [])):
        failures.append("the JSON 'files' list does not mention %s" % path)

    warnings, notes = [], []
    for d in report.get("diagnostics", []):
        check, message = d.get("check", "?"), d.get("message", "")
        if not same_file(d.get("file", ""), path):
            failures.append("diagnostic in another file: %s:%s: %s %s" % (d.get("file"), d.get("line"), check, message))
            continue
        warnings.append((check, int(d.get("line", 0)), message, d.get("level", "warning")))
        for n in d.get("notes", []) or []:
            notes.append((check, int(n.get("line", 0)), n.get("message", ""), "note", n.get("file", ""), len(warnings) - 1))

    warning_kinds = ("expect", "todo-expect", "todo-ok")
    wanted = [a for a in annotations if a.kind in warning_kinds]
    hits, item_hits, errors = match_all(wanted, warnings, describe_diag)
    failures += errors
    false_positive_warnings = set()
    for i, a in enumerate(wanted):
        found = hits[i]
        if a.kind == "expect" and not found:
            failures.append("expected but missing: " + a.describe())
        elif a.kind == "todo-expect":
            if found:
                failures.append("XPASS (now reported; make it an expect): " + a.describe())
            else:
                xfails.append("known false negative still missing: " + a.describe())
        elif a.kind == "todo-ok":
            if found:
                xfails.append("known false positive still reported: " + a.describe())
                false_positive_warnings.update(found)
            else:
                failures.append("XPASS (no longer reported; make it an ok): " + a.describe())
    for j, matched in enumerate(item_hits):
        if not matched:
            failures.append("unexpected: " + describe_diag(warnings[j]))
    for a in annotations:
        if a.kind == "ok":
            for check, line, message, level in warnings:
                if check == a.check and line == a.line:
                    failures.append("reported on a line marked ok (%s): %s" % (
                        a.describe(), describe_diag((check, line, message, level))))

    # Notes are compared in every file, exactly as warnings are: a finding whose
    # notes are not annotated fails. Notes of a known false positive (todo-ok)
    # are not part of the contract and are left out.
    note_annotations = [a for a in annotations if a.kind == "note"]
    notes = [n for n in notes if n[5] not in false_positive_warnings]
    for n in notes:
        if not same_file(n[4], path):
            failures.append("note in another file: %s:%d: %s %s" % (n[4], n[1], n[0], n[2]))
    notes = [n[:4] for n in notes if same_file(n[4], path)]
    hits, item_hits, errors = match_all(note_annotations, notes, describe_diag)
    failures += errors
    for i, a in enumerate(note_annotations):
        if not hits[i]:
            failures.append("expected but missing: " + a.describe())
    for j, matched in enumerate(item_hits):
        if not matched:
            failures.append("unexpected: " + describe_diag(notes[j]))
    return failures, xfails


def update_hint(report, path):
    out = ["annotations describing what sqlrace reported (check them before pasting):"]
    for d in report.get("diagnostics", []):
        if not same_file(d.get("file", ""), path):
            continue
        out.append("  line %s: // expect: %s %s" % (d.get("line"), d.get("check"), d.get("message")))
        for n in d.get("notes", []) or []:
            out.append("  line %s: // note: %s %s" % (n.get("line"), d.get("check"), n.get("message")))
    return out


def apply_fixes(path, report):
    """The bytes of path with every fix-it of the report applied, or None when
    the report offers none."""
    edits = []
    for d in report["diagnostics"]:
        for r in d.get("fix", {}).get("replacements", []):
            if not same_file(r["file"], path):
                raise TestError("a fix-it edits another file: %s" % r["file"])
            edits.append((r["offset"], r["length"], r["text"].encode("utf-8")))
    if not edits:
        return None
    with open(path, "rb") as f:
        data = f.read()
    for offset, length, text in sorted(edits, reverse=True):
        data = data[:offset] + text + data[offset + length:]
    return data


def check_fixes(path, report, rerun, args):
    """Compares the fix-its with the golden <name>.fixed.cpp. rerun(file)
    returns sqlrace's report on another file with the same flags."""
    golden = path[:-len(".cpp")] + ".fixed.cpp"
    try:
        fixed = apply_fixes(path, report)
    except TestError as e:
        return [str(e)]
    have_golden = os.path.exists(golden)
    if fixed is None:
        return ["%s exists but sqlrace offered no fix-it" % golden] if have_golden else []
    if args.write_fixed:
        with open(golden, "wb") as f:
            f.write(fixed)
        have_golden = True
    if not have_golden:
        return ["sqlrace offers a fix-it but there is no golden %s "
                "(run.py --write-fixed writes it)" % golden]
    with open(golden, "rb") as f:
        want = f.read()
    if fixed != want:
        import difflib
        diff = difflib.unified_diff(want.decode("utf-8", "replace").splitlines(),
                                    fixed.decode("utf-8", "replace").splitlines(),
                                    golden, "after the fix-its", lineterm="")
        return ["the fix-its do not give %s:" % golden] + list(diff)
    # The fixed code must compile and offer nothing further to fix.
    after = rerun(golden)
    if after is None:
        return ["sqlrace gave no report on %s" % golden]
    if any(f.get("status") != "ok" for f in after["files"]):
        return ["%s does not compile" % golden]
    if any("fix" in d for d in after["diagnostics"]):
        return ["%s still gets a fix-it" % golden]
    return []


def run_one(path, args):
    """Returns (status, detail lines) with status PASS, FAIL, XFAIL or UNSUPPORTED."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        sqlrace_flags, clang_flags, packages, annotations = parse_test(path, lines)
    except (OSError, UnicodeDecodeError, TestError, ValueError) as e:
        return "FAIL", ["cannot read test: %s" % e]

    missing, extra = pkg_cflags(packages)
    if missing:
        return "UNSUPPORTED", ["missing pkg-config package(s): %s" % " ".join(missing)]

    def command(file):
        return [args.sqlrace, "--format=json"] + sqlrace_flags + [file, "--"] + clang_flags + extra
    cmd = command(path)
    shown = "command: " + " ".join(shlex.quote(c) for c in cmd)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return "FAIL", [shown, "sqlrace did not finish within %g s" % args.timeout]
    except OSError as e:
        return "FAIL", [shown, "cannot run sqlrace: %s" % e]

    def failed(lines):
        out = [shown, "exit status: %d" % proc.returncode] + lines
        if proc.stderr.strip():
            out += ["stderr:"] + ["  " + l for l in proc.stderr.rstrip().splitlines()]
        return "FAIL", out

    try:
        report = json.loads(proc.stdout)
        if not isinstance(report, dict) or report.get("version") != 1:
            raise ValueError("expected an object with \"version\": 1")
        if not isinstance(report.get("files"), list) or not isinstance(report.get("diagnostics"), list):
            raise ValueError("expected \"files\" and \"diagnostics\" lists")
    except ValueError as e:
        return failed(["stdout is not sqlrace's JSON report: %s" % e, "stdout:", proc.stdout[:2000]])

    failures, xfails = compare(path, report, annotations)

    def rerun(other):
        p = subprocess.run(command(other), capture_output=True, text=True, timeout=args.timeout)
        try:
            return json.loads(p.stdout)
        except ValueError:
            return None
    failures += check_fixes(path, report, rerun, args)
    expected_rc = 1 if report["diagnostics"] else 0
    if proc.returncode != expected_rc and not failures:
        failures.append("exit status %d does not fit the report (want %d: %s)" % (
            proc.returncode, expected_rc, "findings" if expected_rc else "no findings"))
    if failures:
        detail = failures + xfails
        if args.update_hint:
            detail += update_hint(report, path)
        return failed(detail)
    if xfails:
        return "XFAIL", xfails
    return "PASS", []


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run sqlrace on annotated test files.")
    parser.add_argument("--sqlrace", required=True, help="path to the sqlrace executable")
    parser.add_argument("--update-hint", action="store_true",
                        help="on failure, print annotations that describe what sqlrace reported")
    parser.add_argument("--timeout", type=float, default=300, help="seconds allowed per file (default 300)")
    parser.add_argument("--write-fixed", action="store_true",
                        help="write each file's fix-it golden <name>.fixed.cpp from sqlrace's fix-its")
    parser.add_argument("-v", "--verbose", action="store_true", help="print details for passing files too")
    parser.add_argument("files", nargs="+", metavar="FILE")
    args = parser.parse_args(argv)

    if not (os.path.isfile(args.sqlrace) and os.access(args.sqlrace, os.X_OK)):
        print("error: sqlrace executable not found: %s" % args.sqlrace, file=sys.stderr)
        return 2

    counts = {"PASS": 0, "XFAIL": 0, "FAIL": 0, "UNSUPPORTED": 0}
    # Fix-it goldens are compared with the file they belong to, not run.
    args.files = [p for p in args.files if not p.endswith(".fixed.cpp")]
    for path in args.files:
        status, detail = run_one(path, args)
        counts[status] += 1
        print("%s %s" % (status, path))
        if status != "PASS" or args.verbose:
            for line in detail:
                print("    " + line)
        sys.stdout.flush()

    if len(args.files) > 1:
        summary = "%d passed, %d failed" % (counts["PASS"] + counts["XFAIL"], counts["FAIL"])
        if counts["UNSUPPORTED"]:
            summary += ", %d skipped" % counts["UNSUPPORTED"]
        print(summary)
    if counts["FAIL"]:
        return 1
    if counts["UNSUPPORTED"] == len(args.files):
        return EXIT_UNSUPPORTED
    return 0


if __name__ == "__main__":
    sys.exit(main())
