#!/usr/bin/env python3
"""Checks that every function rule of rules/*.json is exercised by a testdata file.

Usage: rule_coverage.py --sqlrace PATH [--clang-query PATH] [--all] [--verbose] [-j N] [FILE...]

A rule is exercised when a testdata input calls the function it describes
(the same qualified name, and the same parameter count when the rule has
"params"). sqlrace decides that, not a text search: the script rewrites every
function rule into a probe rule that names argument 64, an argument no
catalogued function has. When sqlrace meets a call whose callee a probe rule
describes, it resolves the callee as it does for real rules (qualified name of
the declaration, the template pattern for instantiations, the overload by
parameter count) and then refuses the rule with an error naming the rule's
line ("... names argument 64, but the function found in the code takes N
parameters"). Each such line is one rule met in the file.

Two checks on the file's own text keep that honest:
- sqlrace reads the whole translation unit, headers included, so a rule only
  counts for a file whose code (comments and string literals removed) names
  the function: its simple name, the class name of a constructor, or the
  operator's token. Conversion operators are called without being named; for
  them the probe alone decides.
- A rule with a "when" condition applies only when the call's arguments name
  the listed constants, which the probe does not check: a call of the
  function in the file's code must have, at each conditioned argument
  position, one of the listed names or integers.

sqlrace says nothing about variadic functions and function templates (it does
not check a rule's argument positions against them), so the probe cannot see
their rules. Those rules are listed in PROBE_BLIND with the reason, and
clang-query finds their calls instead: Clang's own name lookup, the calls in
the test file itself (isExpansionInMainFile), with an extra matcher where the
rule picks one overload by its parameter count. These are reported as
"queried", the others as "called". A PROBE_BLIND entry that the probe does see
is stale and fails the run.

Rules that no testdata file can exercise here are listed in UNCOVERED_ALLOWED
with the reason; the run fails on any other rule left unexercised, and on an
allowed entry that is in fact exercised (stale).

Without --all the files are probed greedily (the file that names the most
rules still unexercised first, files that include the rule's API header
before the others) until every rule is exercised or every file naming it has
been probed: the verdict is that of probing every file, at a fraction of the
cost. (For a conversion operator, which no code names, the files that include
one of its API's headers are the ones probed.) --all probes every file and
lists, per rule, every file that exercises it.

Exit status: 0 when every rule is exercised or allowed, 1 otherwise, 2 when
sqlrace is missing or the probe itself does not work.
"""

import argparse
import concurrent.futures
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import run as testdata_run  # noqa: E402  (testdata/run.py: headers, REQUIRES)

PROBE_ARG = 64  # the largest argument index a rule may name
PROBE_VALUE = "sqlrace_rule_coverage_probe"
MISFIT_RE = re.compile(r"(?P<file>[^\s:]+\.json):(?P<line>\d+):\d+: '(?P<name>[^']*)' names argument %d, "
                       r"but the function found in the code takes (?P<params>\d+) parameter" % PROBE_ARG)

# Rules whose function sqlrace's probe cannot see: it does not check a rule's
# argument positions against variadic functions or function templates, so it
# says nothing about them. For these, clang-query (Clang's own name lookup and
# overload resolution, the calls of the test file only) finds the calls:
# callExpr(isExpansionInMainFile(), callee(functionDecl(hasName(NAME), EXTRA))).
# EXTRA tells apart the overloads a rule selects by parameter count, which a
# template's instantiations do not keep; "" when the rule has no "params".
PROBE_BLIND = {
    # name or label: (why the probe cannot see it, EXTRA)
    "::snprintf": ("C variadic function", ""),
    "::sprintf": ("C variadic function", ""),
    "pqxx::transaction_base::exec_params": ("variadic function template", ""),
    "pqxx::transaction_base::exec_params0": ("variadic function template", ""),
    "pqxx::transaction_base::exec_params1": ("variadic function template", ""),
    "pqxx::transaction_base::exec_params_n": ("variadic function template", ""),
    "pqxx::transaction_base::exec_prepared": ("variadic function template", ""),
    "pqxx::transaction_base::exec_prepared0": ("variadic function template", ""),
    "pqxx::transaction_base::exec_prepared1": ("variadic function template", ""),
    "pqxx::transaction_base::exec_prepared_n": ("variadic function template", ""),
    "pqxx::transaction_base::query_value": ("function template", ""),
    "pqxx::field::as": ("function template", ""),
    "drogon::orm::DbClient::execSqlSync": ("variadic function template", ""),
    "drogon::orm::Field::as": ("function template", ""),
    "soci::session::operator<<": ("function template", ""),
    "soci::details::once_type::operator<<": ("function template", ""),
    "soci::use": ("function template", ""),
    "soci::into": ("function template", ""),
    "Poco::Data::Session::operator<<": ("function template", ""),
    "Poco::Data::Statement::operator<<": ("function template", ""),
    "Poco::Data::Keywords::use": ("function template", ""),
    "Poco::Data::Keywords::useRef": ("function template", ""),
    "Poco::Data::Keywords::into": ("function template", ""),
    "Poco::Data::Keywords::bind": ("function template", ""),
    "nanodbc::statement::bind": ("function template", ""),
    "nanodbc::result::get": ("function template", ""),
    "userver::storages::postgres::Cluster::Execute/3": (
        "variadic function template",
        'hasParameter(1, parmVarDecl(hasType(references(namedDecl(hasName("userver::storages::postgres::Query"))))))'),
    "userver::storages::postgres::Cluster::Execute/4": (
        "variadic function template",
        'hasParameter(2, parmVarDecl(hasType(references(namedDecl(hasName("userver::storages::postgres::Query"))))))'),
    "userver::storages::postgres::Transaction::Execute/2": (
        "variadic function template",
        'hasParameter(0, parmVarDecl(hasType(references(namedDecl(hasName("userver::storages::postgres::Query"))))))'),
    "userver::storages::postgres::Transaction::Execute/3": (
        "variadic function template",
        'hasParameter(1, parmVarDecl(hasType(references(namedDecl(hasName("userver::storages::postgres::Query"))))))'),
    "userver::storages::postgres::ResultSet::AsSingleRow": ("function template", ""),
    "userver::storages::postgres::Row::As": ("function template", ""),
    "userver::storages::postgres::Field::As": ("function template", ""),
}

# Rules no testdata file can exercise on this machine, with the reason.
UNCOVERED_ALLOWED = {
    "SQLite::Column::operator long long": (
        "SQLiteCpp 3.2.1 declares operator int64_t; on 64-bit Linux int64_t is long, so Clang names that "
        "conversion 'operator long' (exercised) and no declaration is 'operator long long' (it is where "
        "int64_t is long long: Windows, macOS)"),
}


class Rule:
    def __init__(self, rules_file, index, data, headers=()):
        self.rules_file = rules_file      # base name, e.g. libpq.json
        self.headers = set(headers)       # the API's headers ("headers" of the rules file)
        self.index = index
        self.data = data
        self.qualified = data["name"]
        self.name = self.qualified[2:] if self.qualified.startswith("::") else self.qualified
        self.params = data.get("params")
        self.when = data.get("when")
        self.role = data["role"]

    def key(self):
        """The name PROBE_BLIND and UNCOVERED_ALLOWED use: the qualified name,
        with "/N" for a rule of the overload with N parameters."""
        return self.qualified + ("/%d" % self.params if self.params is not None else "")

    def label(self):
        text = self.qualified
        if self.params is not None:
            text += "/%d" % self.params
        if self.when:
            text += " when " + json.dumps(self.when, separators=(",", ":"))
        return "%s %s (%s)" % (self.rules_file, text, self.role)

    def simple_name(self):
        return self.name.split("::")[-1] if "operator" not in self.name else \
            self.name[self.name.index("operator"):]

    def class_name(self):
        parts = self.name.split("::")
        return parts[-2] if len(parts) > 1 else None

    def text_pattern(self):
        """A regex the code of a file that calls the function must match, or None
        when the call is never written out (conversion operators)."""
        simple = self.simple_name()
        if simple.startswith("operator"):
            op = simple[len("operator"):].strip()
            if re.match(r"[A-Za-z_]", op):
                return None  # a conversion: `int n = column;`
            return re.compile(re.escape(op[:1] if op == "[]" else op))
        # A constructor ("ns::C::C") is named by its class; any call by its name.
        return re.compile(r"\b%s\b" % re.escape(simple))

    def candidate_pattern(self):
        """Which files are worth probing for this rule (a superset of the files
        that can exercise it)."""
        pattern = self.text_pattern()
        if pattern is None:
            return re.compile(re.escape(self.class_name() or self.simple_name()))
        return pattern


def load_rules(rules_dir):
    rules = []
    for path in sorted(glob.glob(os.path.join(rules_dir, "*.json"))):
        if os.path.basename(path) == "schema.json":
            continue
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for i, fn in enumerate(data.get("functions", [])):
            rules.append(Rule(os.path.basename(path), i, fn, data.get("headers", [])))
    return rules


def write_probe_rules(rules_dir, out_dir):
    """One probe file per rules file, one rule per line. Returns
    {(probe file base name, line): rule}."""
    by_line = {}
    all_rules = load_rules(rules_dir)
    for path in sorted(glob.glob(os.path.join(rules_dir, "*.json"))):
        base = os.path.basename(path)
        if base == "schema.json":
            continue
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        head = {k: data[k] for k in ("schema", "library", "dialect", "headers") if k in data}
        head["source"] = "rule coverage probe of " + base
        lines = [json.dumps(head)[:-1] + ', "functions": [']
        mine = [r for r in all_rules if r.rules_file == base]
        for n, rule in enumerate(mine):
            probe = dict(rule.data)
            # Every probe rule is conditional, so two rules of one function
            # (conditional ones and the plain one) can live side by side.
            probe["when"] = {str(PROBE_ARG): [PROBE_VALUE]}
            lines.append(json.dumps(probe) + ("," if n + 1 < len(mine) else ""))
            by_line[(base, len(lines))] = rule
        lines.append("]}")
        with open(os.path.join(out_dir, base), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    return all_rules, by_line


def code_text(source):
    """The source with comments and string/character literals blanked out."""
    out = []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            j = source.find("\n", i)
            i = n if j < 0 else j
        elif source.startswith("/*", i):
            j = source.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
        elif c == "R" and source.startswith('R"', i) and (i == 0 or not (source[i - 1].isalnum() or source[i - 1] == "_")):
            m = re.match(r'R"([^()\\\s]{0,16})\(', source[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = source.find(")" + m.group(1) + '"', i + m.end())
            i = n if end < 0 else end + len(m.group(1)) + 2
            out.append('""')
        elif c in "\"'":
            j = i + 1
            while j < n and source[j] != c and source[j] != "\n":
                j += 2 if source[j] == "\\" else 1
            i = j + 1
            out.append(c + c)
        else:
            out.append(c)
            i += 1
    return "".join(out)


def call_arguments(code, start):
    """The top-level arguments of the call whose '(' is at or after start, or None."""
    open_at = code.find("(", start)
    if open_at < 0 or code[start:open_at].strip():
        return None
    depth, args, current = 0, [], []
    for ch in code[open_at + 1:]:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                args.append("".join(current).strip())
                return args
            depth -= 1
        elif ch == "," and depth == 0:
            args.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    return None


def meets_when(rule, code):
    """Whether some call of the rule's function in code has the constants its
    'when' condition lists at the conditioned argument positions."""
    for m in re.finditer(r"\b%s\b" % re.escape(rule.simple_name()), code):
        args = call_arguments(code, m.end())
        if args is None:
            continue
        ok = True
        for index, wanted in rule.when.items():
            index = int(index)
            if index >= len(args):
                ok = False
                break
            words = set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*|\d+", args[index]))
            if not any((str(w).lstrip(":").split("::")[-1] if isinstance(w, str) else str(w)) in words
                       for w in wanted):
                ok = False
                break
        if ok:
            return True
    return False


class TestFile:
    def __init__(self, path):
        self.path = path
        self.rel = os.path.relpath(path, HERE)
        with open(path, encoding="utf-8") as f:
            self.source = f.read()
        self.code = code_text(self.source)
        self.includes = set(re.findall(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', self.source, re.M))
        self.sqlrace_flags, self.clang_flags, self.packages, _ = testdata_run.parse_test(
            path, self.source.splitlines())
        self.missing, self.pkg_flags = testdata_run.pkg_cflags(self.packages)


# Options of a test's ARGS line that the probe run must not inherit.
DROPPED_FLAGS = ("--checks", "--fix", "--export-fixes", "--format", "--baseline", "--write-baseline",
                 "--quiet", "--rules", "--no-default-rules")


def probe(sqlrace, probe_files, path, sqlrace_flags, clang_flags, cwd, timeout=300):
    """Runs sqlrace with the probe rules on one file, from cwd (testdata/, as
    run.py does: ARGS paths such as -IInputs/drogon are relative to it).
    Returns (set of (probe file, line), error text or None)."""
    flags = [f for f in sqlrace_flags if not f.split("=")[0] in DROPPED_FLAGS]
    cmd = ([sqlrace, "--no-default-rules", "--quiet", "--format=json"]
           + ["--rules=" + p for p in probe_files] + flags + [path, "--"] + clang_flags)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired:
        return set(), "sqlrace did not finish within %d s" % timeout
    seen = {(os.path.basename(m.group("file")), int(m.group("line"))) for m in MISFIT_RE.finditer(proc.stderr)}
    try:
        report = json.loads(proc.stdout)
        bad = [f for f in report.get("files", []) if f.get("status") != "ok"
               and not MISFIT_RE.search(f.get("message", ""))]
    except ValueError:
        bad = [{"message": "no JSON report"}]
    if bad or "does not compile" in proc.stderr:
        return seen, "sqlrace could not analyse it: %s\n%s" % (
            "; ".join(b.get("message", "") for b in bad), proc.stderr[-2000:])
    return seen, None


def self_test(sqlrace, probe_files, work):
    """The probe must see two plain calls of libc rules, or it is broken."""
    path = os.path.join(work, "probe-self-test.cpp")
    with open(path, "w") as f:
        f.write("#include <cstdlib>\n#include <cstring>\n"
                "int f(const char *a, const char *b) { return std::atoi(a) + std::strcmp(a, b); }\n")
    seen, error = probe(sqlrace, probe_files, path, [], ["-std=c++17"], work)
    return seen, error


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sqlrace", required=True, help="path to the sqlrace executable")
    ap.add_argument("--rules-dir", default=os.path.join(ROOT, "rules"))
    ap.add_argument("--all", action="store_true", help="probe every file, list every file per rule")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the evidence for every rule")
    ap.add_argument("--clang-query", help="clang-query executable (default: clang-query-19 on PATH)")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="files probed in parallel (default 1)")
    ap.add_argument("files", nargs="*", help="testdata inputs (default: every testdata/*/*.cpp)")
    args = ap.parse_args(argv)
    sqlrace = os.path.abspath(args.sqlrace)
    if not (os.path.isfile(sqlrace) and os.access(sqlrace, os.X_OK)):
        print("error: sqlrace executable not found: %s" % args.sqlrace, file=sys.stderr)
        return 2

    paths = args.files or sorted(p for p in glob.glob(os.path.join(HERE, "*", "*.cpp"))
                                 if not p.endswith(".fixed.cpp")
                                 and os.path.relpath(p, HERE).split(os.sep)[0] != "Inputs")
    work = tempfile.mkdtemp(prefix="sqlrace-rule-coverage-")
    try:
        return run(args, sqlrace, [os.path.abspath(p) for p in paths], work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def clang_query_matches(clang_query, tf, rules, cwd, timeout=300):
    """Runs clang-query once on a test file with a matcher per rule. Returns
    ({id(rule) found in the file's own calls}, error text or None)."""
    script = ["set output diag"]
    for r in rules:
        extra = PROBE_BLIND[r.key()][1]
        script.append('match callExpr(isExpansionInMainFile(), callee(functionDecl(hasName("%s")%s)))'
                      % (r.qualified, ", " + extra if extra else ""))
    cmd = [clang_query] + [a for line in script for a in ("-c", line)] + [tf.path, "--"] + tf.clang_flags + tf.pkg_flags
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=cwd)
    except (OSError, subprocess.TimeoutExpired) as e:
        return set(), "clang-query failed: %s" % e
    counts = re.findall(r"^(\d+) match(?:es)?\.$", proc.stdout, re.M)
    if len(counts) != len(rules):
        return set(), "clang-query gave %d answers to %d matchers:\n%s" % (
            len(counts), len(rules), (proc.stdout + proc.stderr)[-2000:])
    return {id(r) for r, n in zip(rules, counts) if int(n) > 0}, None


def run(args, sqlrace, paths, work):
    rules, by_line = write_probe_rules(args.rules_dir, work)
    probe_files = sorted(os.path.join(work, b) for b in {b for b, _ in by_line})
    line_of = {id(r): key for key, r in by_line.items()}
    failures = []

    seen, error = self_test(sqlrace, probe_files, work)
    want = [r for r in rules if r.qualified in ("::atoi", "::strcmp") and r.when is None]
    if error or len(want) != 2 or not all(line_of[id(r)] in seen for r in want):
        print("error: the probe does not work: sqlrace did not report the probe rules of ::atoi and "
              "::strcmp for a file calling both (has the wording of its rule-misfit error changed?)%s"
              % ("\n" + error if error else ""), file=sys.stderr)
        return 2
    keys = {r.key() for r in rules}
    for key in list(PROBE_BLIND) + list(UNCOVERED_ALLOWED):
        if key not in keys:
            failures.append("allow-list entry %r names no rule of %s" % (key, args.rules_dir))
    blind = [r for r in rules if r.key() in PROBE_BLIND]
    clang_query = args.clang_query or shutil.which("clang-query-19") or shutil.which("clang-query")
    if blind and not clang_query:
        print("error: clang-query (Debian package clang-tools-19) is needed for the rules in PROBE_BLIND",
              file=sys.stderr)
        return 2

    files, unsupported = [], []
    for p in paths:
        try:
            tf = TestFile(p)
        except (OSError, UnicodeDecodeError, testdata_run.TestError) as e:
            failures.append("%s: cannot read: %s" % (p, e))
            continue
        (unsupported if tf.missing else files).append(tf)
    by_path = {tf.path: tf for tf in files}

    candidates = {id(r): {tf.path for tf in files if r.candidate_pattern().search(tf.code)
                          and (r.text_pattern() is not None or tf.includes & r.headers)} for r in rules}
    # Files that include one of the rule's API headers come first: most calls
    # are made there, so the greedy search finds them early.
    direct = {id(r): {p for p in candidates[id(r)] if by_path[p].includes & r.headers} for r in rules}
    evidence = {id(r): [] for r in rules}     # files that call the function (the probe, or clang-query)
    probe_only = {id(r): [] for r in rules}   # the probe saw it, but the file's own code does not call it
    blind_seen = {id(r): [] for r in rules}   # PROBE_BLIND rules the probe did see (stale entries)
    probed, queried = set(), set()

    def record(tf, seen):
        for r in rules:
            if line_of[id(r)] not in seen:
                continue
            if r.key() in PROBE_BLIND:
                blind_seen[id(r)].append(tf.rel)
                continue
            pattern = r.text_pattern()
            if (pattern is not None and not pattern.search(tf.code)) or (r.when and not meets_when(r, tf.code)):
                probe_only[id(r)].append(tf.rel)
            else:
                evidence[id(r)].append(tf.rel)

    def in_parallel(batch, work, done, handle):
        """Runs work(file) -> (result, error) on -j threads, then handle(file, result)."""
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = {pool.submit(work, tf): tf for tf in batch}
            for fut in concurrent.futures.as_completed(futures):
                tf = futures[fut]
                result, error = fut.result()
                done.add(tf.path)
                if error:
                    failures.append("%s: %s" % (tf.rel, error))
                handle(tf, result)

    def probe_batch(batch):
        in_parallel(batch, lambda tf: probe(sqlrace, probe_files, tf.path, tf.sqlrace_flags,
                                            tf.clang_flags + tf.pkg_flags, HERE), probed, record)

    def query_batch(batch, wanted):
        def work(tf):
            return clang_query_matches(clang_query, tf, [r for r in wanted if tf.path in candidates[id(r)]], HERE)

        def found(tf, ids):
            for r in blind:
                if id(r) in ids:
                    evidence[id(r)].append(tf.rel)
        in_parallel(batch, work, queried, found)

    def greedy(wanted, done, step):
        """Probes the files naming the most wanted rules first, until each rule
        has evidence or no file naming it is left."""
        while True:
            open_rules = [r for r in wanted if not evidence[id(r)]]
            score = {}
            for r in open_rules:
                for p in candidates[id(r)] - done:
                    strong, weak = score.get(p, (0, 0))
                    score[p] = (strong + 1, weak) if p in direct[id(r)] else (strong, weak + 1)
            if not score:
                return
            batch = sorted(score, key=lambda p: (-score[p][0], -score[p][1], p))[:max(1, args.jobs)]
            step([by_path[p] for p in batch])

    seeable = [r for r in rules if r.key() not in PROBE_BLIND]
    if args.all:
        probe_batch(files)
        query_batch(files, blind)
    else:
        greedy(seeable, probed, probe_batch)
        greedy(blind, queried, lambda batch: query_batch(batch, blind))
        # A PROBE_BLIND entry the probe can see is stale: probe a file that
        # calls each such function once.
        for r in blind:
            if evidence[id(r)]:
                tf = by_path[os.path.join(HERE, evidence[id(r)][0])]
                if tf.path not in probed:
                    probe_batch([tf])

    # Verdicts.
    lines = []
    counts = {"called": 0, "queried": 0, "allowed": 0, "missing": 0}
    for r in rules:
        allowed = UNCOVERED_ALLOWED.get(r.key())
        if blind_seen[id(r)]:
            failures.append("%s is in PROBE_BLIND (%s), but sqlrace's probe sees it in %s: remove the entry"
                            % (r.label(), PROBE_BLIND[r.key()][0], blind_seen[id(r)][0]))
        found = evidence[id(r)]
        if found:
            kind = "queried" if r.key() in PROBE_BLIND else "called"
            counts[kind] += 1
            shown = sorted(found) if args.all else sorted(found)[:1]
            lines.append("%s %s  %s%s" % (kind, r.label(), ", ".join(shown),
                                         "  [clang-query: %s]" % PROBE_BLIND[r.key()][0]
                                         if kind == "queried" else ""))
            if allowed:
                failures.append("%s is in UNCOVERED_ALLOWED (%s) but %s exercises it: remove the entry"
                                % (r.label(), allowed, found[0]))
            continue
        why = ""
        if probe_only[id(r)]:
            why = " (sqlrace met it in %s, but not in a call of the file's own code%s)" % (
                probe_only[id(r)][0], " with the constants of its condition" if r.when else "")
        if allowed:
            counts["allowed"] += 1
            lines.append("ALLOWED %s: %s%s" % (r.label(), allowed, why))
        else:
            counts["missing"] += 1
            lines.append("MISSING %s%s" % (r.label(), why))
            failures.append("no testdata file exercises %s%s" % (r.label(), why))

    for line in lines:
        if args.verbose or args.all or not line.startswith(("called", "queried")):
            print(line)
    if unsupported:
        print("%d testdata file(s) skipped, their packages are not installed: %s" % (
            len(unsupported), ", ".join(sorted({p for tf in unsupported for p in tf.missing}))))
    print("%d function rules: %d called in testdata (seen by sqlrace's probe), %d called in testdata "
          "(found by clang-query), %d allowed to stay unexercised, %d missing; %d files probed, %d queried, "
          "of %d" % (len(rules), counts["called"], counts["queried"], counts["allowed"], counts["missing"],
                     len(probed), len(queried), len(files)))
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
