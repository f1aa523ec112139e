#!/usr/bin/env python3
"""Collect the hole-free PostgreSQL statements of the sqlrace_sql unit tests.

Writes checker/sql/tests/pg_corpus.sql, which the libpg_query cross-check
(PgQueryCrossCheckTest.cpp) and the fuzzer's seed corpus read. Run it again
after changing a *Test.cpp file; --check only reports whether the committed
corpus is stale (exit status 1).

    python3 checker/sql/tests/extract_pg_corpus.py [--check] [--list]
    python3 checker/sql/tests/extract_pg_corpus.py --seeds DIR

--seeds writes a fuzzing seed corpus instead (checker/sql/fuzz/): one file
per entry of the committed pg_corpus.sql, plus one per SQL-looking string
literal of the tests in any dialect, holes ('~') kept, as the fuzzer turns
'~' into a HoleChar itself.

The C++ sources are read with a small tokenizer (string, raw string and char
literals, comments, brackets), not with regular expressions over lines. A
string literal is a PostgreSQL statement when one of these holds:

  R1  it is the first argument of one(), analyzeSql() or
      rewriteAsAtomicInsert() called with Dialect::PostgreSQL (a variable
      initialised with a literal in the same file counts as that literal);
  R2  it is a field of a case (a braced aggregate, or a call of a case
      factory such as ddl("name", ...)) that names Dialect::PostgreSQL;
  R3  it is a field of a case array that a TEST_P combines with AllDialects
      (testing::Combine(testing::ValuesIn(X), testing::ValuesIn(AllDialects)));
  R4  it is in a `for (... : {...})` list nested in `for (Dialect D :
      AllDialects)`;
  R5  it is a template with $P1, $P2, ... placeholders, which the tests
      instantiate for every dialect (TestUtil.h's instantiate()).

A case's leading name field (a lower_snake_case string) is never SQL, and
only strings whose first word starts a statement are kept, which drops
expected table and column names. Templates are instantiated as TestUtil.h
does for PostgreSQL ($Pn becomes $n); a statement with a hole ('~', which
instantiate() turns into a HoleChar, or a HoleChar itself) is left out.

Output: one entry per line, in order of first appearance, duplicates
dropped. An entry is the text one test call analyses, so a script of several
statements stays one entry; newlines, tabs and backslashes are escaped as
\\n, \\t and \\\\. Lines starting with "--" are comments. Standard library only.
"""

import argparse
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "pg_corpus.sql")
PG = "Dialect::PostgreSQL"
API_CALLS = {"one", "analyzeSql", "rewriteAsAtomicInsert"}
# First words of the statements the tests use; an expected table name such
# as "users" or "app.ux_email" starts with none of them.
STATEMENT_WORDS = {
    "abort", "alter", "analyze", "begin", "call", "comment", "commit",
    "create", "delete", "do", "drop", "end", "explain", "insert", "lock",
    "merge", "perform", "release", "reset", "rollback", "savepoint", "select",
    "set", "show", "start", "table", "truncate", "update", "vacuum", "values",
    "with",
}
# The cross-check reads the corpus; its own literals are not test inputs.
CONSUMERS = {"PgQueryCrossCheckTest.cpp"}
NAME_RE = re.compile(r"^[a-z0-9_]+$")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"',
           "0": "\0", "?": "?", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


class Tok:
    """A token: kind is 'str', 'id' (qualified names joined), 'punct'."""

    def __init__(self, kind, text, line):
        self.kind, self.text, self.line = kind, text, line

    def __repr__(self):
        return "%s(%r)" % (self.kind, self.text)


def decode_escapes(body, path, line):
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n == "x":
            m = re.match(r"[0-9a-fA-F]+", body[i + 2:])
            out.append(chr(int(m.group(0), 16)))
            i += 2 + len(m.group(0))
        elif n in "01234567" and re.match(r"[0-7]{1,3}", body[i + 1:]):
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            out.append(chr(int(m.group(0), 8)))
            i += 1 + len(m.group(0))
        elif n in ESCAPES:
            out.append(ESCAPES[n])
            i += 2
        else:
            sys.exit("%s:%d: unsupported escape \\%s" % (path, line, n))
    return "".join(out)


def tokenize(src, path):
    toks, i, line = [], 0, 1
    ident = re.compile(r"[A-Za-z_][A-Za-z_0-9]*(?:::[A-Za-z_][A-Za-z_0-9]*)*")
    while i < len(src):
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif src.startswith("//", i):
            i = src.find("\n", i)
            i = len(src) if i < 0 else i
        elif src.startswith("/*", i):
            j = src.index("*/", i + 2) + 2
            line += src.count("\n", i, j)
            i = j
        elif c == "#":  # preprocessor line
            i = src.find("\n", i)
            i = len(src) if i < 0 else i
        elif src.startswith('R"', i):
            open_ = src.index("(", i)
            delim = src[i + 2:open_]
            close = src.index(")" + delim + '"', open_)
            text = src[open_ + 1:close]
            toks.append(Tok("str", text, line))
            line += text.count("\n")
            i = close + len(delim) + 2
        elif c == '"' or c == "'":
            j = i + 1
            while src[j] != c:
                j += 2 if src[j] == "\\" else 1
            if c == '"':
                toks.append(Tok("str", decode_escapes(src[i + 1:j], path, line),
                                line))
            else:
                toks.append(Tok("punct", "'char'", line))
            i = j + 1
        else:
            m = ident.match(src, i)
            if m:
                toks.append(Tok("id", m.group(0), line))
                i = m.end()
            elif src.startswith("::", i):
                toks.append(Tok("punct", "::", line))
                i += 2
            else:
                toks.append(Tok("punct", c, line))
                i += 1
    # Adjacent literals are one literal, as in C++.
    merged = []
    for t in toks:
        if t.kind == "str" and merged and merged[-1].kind == "str":
            merged[-1].text += t.text
        else:
            merged.append(t)
    return merged


class Group:
    """A bracketed group: items are Toks and nested Groups."""

    def __init__(self, open_, callee, line):
        self.open, self.callee, self.line, self.items = open_, callee, line, []

    def elements(self):
        """Top-level comma-separated elements, each a list of items."""
        out, cur = [], []
        for it in self.items:
            if isinstance(it, Tok) and it.text == ",":
                out.append(cur)
                cur = []
            else:
                cur.append(it)
        if cur:
            out.append(cur)
        return out

    def names_pg(self):
        return any(isinstance(it, Tok) and it.text == PG for it in self.items)


CLOSE = {"(": ")", "{": "}", "[": "]"}


def build_tree(toks):
    root = Group("", None, 0)
    stack = [root]
    for k, t in enumerate(toks):
        if t.kind == "punct" and t.text in CLOSE:
            prev = toks[k - 1] if k else None
            callee = prev.text if prev is not None and prev.kind == "id" else None
            g = Group(t.text, callee, t.line)
            stack[-1].items.append(g)
            stack.append(g)
        elif t.kind == "punct" and t.text in CLOSE.values():
            stack.pop()
        else:
            stack[-1].items.append(t)
    return root


def walk(g):
    yield g
    for it in g.items:
        if isinstance(it, Group):
            yield from walk(it)


def single_string(element):
    if len(element) == 1 and isinstance(element[0], Tok) and \
            element[0].kind == "str":
        return element[0]
    return None


def looks_like_sql(text):
    m = re.match(r"[\s(]*([A-Za-z]+)", text)
    return bool(m) and m.group(1).lower() in STATEMENT_WORDS


def case_fields(g):
    """SQL-looking top-level string fields of a case, skipping its name."""
    elements = g.elements()
    out = []
    for n, e in enumerate(elements):
        s = single_string(e)
        if s is None:
            continue
        if n == 0 and NAME_RE.match(s.text) and len(elements) > 1:
            continue
        if looks_like_sql(s.text):
            out.append(s)
    return out


def extract_file(path):
    """(statement template, rule, line) for one test source, in order."""
    src = open(path, encoding="utf-8").read()
    toks = tokenize(src, path)
    found = []

    # Variables initialised with a literal (`const char *X = "...";`) and
    # never changed afterwards (no `X +=`, `X =`, `X.`, `X[`).
    bound = {}
    for k in range(len(toks) - 3):
        if toks[k].kind == "id" and toks[k + 1].text == "=" and \
                toks[k + 2].kind == "str" and toks[k + 3].text == ";":
            bound.setdefault(toks[k].text, []).append((k, toks[k + 2]))
    changed = {}
    for k in range(len(toks) - 1):
        if toks[k].kind == "id" and toks[k + 1].text in ("+", "=", ".", "["):
            changed.setdefault(toks[k].text, []).append(k)

    def literal_of(name, line):
        """The literal `name` holds at `line`, if it is one."""
        best = None
        for k, lit in bound.get(name, []):
            if toks[k].line <= line:
                best = (k, lit)
        if best is None:
            return None
        k, lit = best
        if any(c > k and toks[c].line <= line for c in changed.get(name, [])):
            return None
        return lit

    root = build_tree(toks)
    groups = list(walk(root))

    # R3: arrays combined with every dialect, declared `X[] = {...}`.
    all_dialect_arrays = set()
    for g in groups:
        if g.callee in ("Combine", "testing::Combine"):
            args = [it for it in g.items if isinstance(it, Group)]
            names = [[t.text for t in a.items if isinstance(t, Tok)]
                     for a in args]
            if ["AllDialects"] in names:
                all_dialect_arrays.update(n[0] for n in names
                                          if len(n) == 1 and
                                          n != ["AllDialects"])
    for g in groups:
        items = g.items
        for k in range(len(items) - 3):
            if isinstance(items[k], Tok) and \
                    items[k].text in all_dialect_arrays and \
                    isinstance(items[k + 1], Group) and \
                    items[k + 1].open == "[" and \
                    isinstance(items[k + 2], Tok) and \
                    items[k + 2].text == "=" and \
                    isinstance(items[k + 3], Group):
                for case in items[k + 3].items:
                    if isinstance(case, Group):
                        for s in case_fields(case):
                            found.append((s.text, "R3", s.line))

    for g in groups:
        # R1 and R2.
        if g.open == "(" and g.callee in API_CALLS and g.names_pg():
            first = g.elements()[0]
            s = single_string(first)
            if s is None and len(first) == 1 and isinstance(first[0], Tok):
                s = literal_of(first[0].text, g.line)
            if s is not None:
                found.append((s.text, "R1", g.line))
        elif g.names_pg() and (g.open == "{" or (
                g.open == "(" and g.callee not in API_CALLS and g.elements()
                and single_string(g.elements()[0]) is not None
                and NAME_RE.match(single_string(g.elements()[0]).text))):
            for s in case_fields(g):
                found.append((s.text, "R2", s.line))
        # R4: for (Dialect D : AllDialects) for (... : { "...", ... })
        for k, it in enumerate(g.items):
            if isinstance(it, Group) and it.open == "(" and it.callee == "for":
                words = [t.text for t in it.items if isinstance(t, Tok)]
                if words[:1] == ["Dialect"] and words[-1:] == ["AllDialects"] \
                        and k + 2 < len(g.items):
                    nxt = g.items[k + 2] if isinstance(g.items[k + 1], Tok) \
                        and g.items[k + 1].text == "for" else None
                    if isinstance(nxt, Group):
                        for sub in nxt.items:
                            if isinstance(sub, Group) and sub.open == "{":
                                for e in sub.elements():
                                    s = single_string(e)
                                    if s is not None and looks_like_sql(s.text):
                                        found.append((s.text, "R4", s.line))

    # R5: per-dialect templates anywhere.
    for t in toks:
        if t.kind == "str" and re.search(r"\$P[1-9]", t.text) and \
                looks_like_sql(t.text):
            found.append((t.text, "R5", t.line))

    found.sort(key=lambda f: f[2])
    return found


def instantiate(sql):
    """TestUtil.h's instantiate() for PostgreSQL; None for a holed text."""
    if "~" in sql or "\x01" in sql:
        return None
    return re.sub(r"\$P([1-9])", r"$\1", sql)


def escape(sql):
    return sql.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def test_sources():
    return sorted(f for f in os.listdir(HERE)
                  if f.endswith("Test.cpp") and f not in CONSUMERS)


def collect():
    sources = test_sources()
    entries, seen, holed, listing = [], set(), 0, []
    for name in sources:
        for text, rule, line in extract_file(os.path.join(HERE, name)):
            sql = instantiate(text)
            listing.append("%s:%d %s %s" % (name, line, rule,
                                            escape(sql) if sql else "(hole)"))
            if sql is None:
                holed += 1
                continue
            if sql.strip() and sql not in seen:
                seen.add(sql)
                entries.append(escape(sql))
    return sources, entries, holed, listing


def render(sources, entries, holed):
    head = [
        "-- Hole-free PostgreSQL statements of the sqlrace_sql unit tests.",
        "-- Generated by checker/sql/tests/extract_pg_corpus.py from "
        + ", ".join(sources) + ";",
        "-- do not edit. %d entries (%d holed texts left out). One text per"
        % (len(entries), holed),
        "-- line; \\n, \\t and \\\\ are escapes. Read by "
        "PgQueryCrossCheckTest.cpp and",
        "-- checker/sql/fuzz/build-and-run.sh.",
    ]
    return "\n".join(head + entries) + "\n"


def unescape(line):
    out, i = [], 0
    while i < len(line):
        if line[i] == "\\" and i + 1 < len(line):
            out.append({"n": "\n", "t": "\t"}.get(line[i + 1], line[i + 1]))
            i += 2
        else:
            out.append(line[i])
            i += 1
    return "".join(out)


def write_seeds(directory):
    """One file per corpus entry and per SQL-looking test literal."""
    texts = []
    with open(CORPUS, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line and not line.startswith("--"):
                texts.append(unescape(line))
    for name in test_sources():
        src = open(os.path.join(HERE, name), encoding="utf-8").read()
        for t in tokenize(src, name):
            if t.kind == "str" and looks_like_sql(t.text):
                texts.append(re.sub(r"\$P([1-9])", r"$\1", t.text))
    os.makedirs(directory, exist_ok=True)
    written = set()
    for text in texts:
        data = text.encode("utf-8", "surrogateescape")
        digest = hashlib.sha1(data).hexdigest()
        if digest not in written:
            written.add(digest)
            with open(os.path.join(directory, digest), "wb") as f:
                f.write(data)
    print("wrote %d seeds to %s" % (len(written), directory))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if pg_corpus.sql is not up to date")
    ap.add_argument("--list", action="store_true",
                    help="print every hit with file, line and rule")
    ap.add_argument("--seeds", metavar="DIR",
                    help="write a fuzzing seed corpus to DIR instead")
    args = ap.parse_args()
    if args.seeds:
        return write_seeds(args.seeds)
    sources, entries, holed, listing = collect()
    if args.list:
        print("\n".join(listing))
    text = render(sources, entries, holed)
    if args.check:
        current = open(CORPUS, encoding="utf-8").read() \
            if os.path.exists(CORPUS) else ""
        if current != text:
            print("pg_corpus.sql is stale: run %s" % sys.argv[0],
                  file=sys.stderr)
            return 1
        return 0
    with open(CORPUS, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s: %d entries, %d holed texts left out"
          % (os.path.relpath(CORPUS), len(entries), holed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
