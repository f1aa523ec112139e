#!/usr/bin/env python3
"""Bad inputs (issue 11): every input sqlrace reads -- configs, rules,
baselines, compilation databases, schemas, sources, --checks -- when it is
hostile, broken or not a file. Each case asserts the exit status and the
exact one-line message that names the input; none may crash, block or grow
without bound. Big inputs are generated here, at run time.
Usage: inputs_test.py <path to sqlrace>."""

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

SQLRACE = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
CASES = os.path.join(ROOT, "testdata", "check-then-insert")
RACY = os.path.join(CASES, "libpq-ntuples-zero.cpp")
CLEAN = os.path.join(CASES, "libpq-clean-on-conflict.cpp")
PG_FLAGS = ["-std=c++17", "-I/usr/include/postgresql"]
DEEP = 100000


def limit_memory():
    # A run that grows without bound fails here instead of taking the
    # machine: 4 GB of address space is far above what these inputs need.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def run(*args, cwd=None, timeout=120):
    p = subprocess.run([SQLRACE, *args], capture_output=True, text=True,
                       timeout=timeout, cwd=cwd, preexec_fn=limit_memory,
                       errors="replace")
    return p.returncode, p.stdout, p.stderr


def error_lines(err):
    """The lines of stderr that sqlrace wrote as errors or warnings."""
    return [l for l in err.splitlines()
            if l.startswith("sqlrace: error: ") or
            l.startswith("sqlrace: warning: ")]


class Inputs(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="sqlrace-inputs-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, text, mode="w"):
        p = self.path(name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, mode) as f:
            f.write(text)
        return p

    def assertFails(self, args, message, cwd=None, status=2):
        """sqlrace exits with status and message is one of its lines."""
        rc, out, err = run(*args, cwd=cwd)
        self.assertEqual(rc, status, err)
        self.assertIn(message, err.splitlines(), err)
        return out, err

    # --- JSON inputs: nesting, numbers --------------------------------------

    def test_deeply_nested_config(self):
        # 100,000 levels: once a segfault after 3 GB (JsonPositions).
        cfg = self.write("deep.json",
                         '{"wrappers": ' + "[" * DEEP + "]" * DEEP + "}")
        start = time.monotonic()
        self.assertFails(["--config=" + cfg, CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: %s:1:141: invalid JSON: nested "
                         "deeper than 128 levels" % cfg)
        self.assertLess(time.monotonic() - start, 30)

    def test_deeply_nested_rules(self):
        rules = self.write("deep-rules.json", "{" * 0 + "[" * DEEP + "]" * DEEP)
        self.assertFails(["--rules=" + rules, CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: %s:1:129: invalid JSON: nested "
                         "deeper than 128 levels" % rules)

    def test_deeply_nested_baseline(self):
        # llvm::json::parse recurses once per level: bounded first.
        base = self.write("deep-baseline.json",
                          '{"version": 1, "findings": ' + "[" * DEEP +
                          "]" * DEEP + "}")
        self.assertFails(["--baseline=" + base, CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: baseline '%s': invalid JSON at line "
                         "1, column 155: nested deeper than 128 levels" % base)

    def test_baseline_syntax_error_has_line_and_column(self):
        base = self.write("bad-baseline.json", '{"version": 1,\n "findings": [}')
        self.assertFails(["--baseline=" + base, CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: baseline '%s': invalid JSON at line "
                         "2, column 15: Invalid JSON value" % base)

    def test_number_out_of_range_in_config(self):
        # nlohmann's out_of_range (406) once escaped: std::terminate.
        cfg = self.write(".sqlrace.json",
                         '{\n  "dialect": "postgresql",\n  "checks": 1e400\n}')
        self.assertFails(["--config=" + cfg, CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: %s:3:13: invalid JSON: number "
                         "overflow parsing '1e400'" % cfg)

    def test_number_out_of_range_in_rules(self):
        rules = self.write("r.json", '{"schema": 1, "library": -1e999}')
        self.assertFails(["--rules=" + rules, CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: %s:1:26: invalid JSON: number "
                         "overflow parsing '-1e999'" % rules)

    def test_wrong_types_in_config_are_named(self):
        # Every get<> of nlohmann is guarded: a wrong type is a message.
        cfg = self.write(".sqlrace.json",
                         '{"wrappers": [{"name": 7, "role": "execute"}]}')
        self.assertFails(["--config=" + cfg, CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: %s:1:24: 'name' must be a string, "
                         "found number" % cfg)

    def test_many_wrappers_load_fast(self):
        # 16,000 wrapper rules: positions were found by scanning from byte 0
        # for each rule.
        wrappers = [{"name": "app::f%d" % i, "role": "execute",
                     "connection_arg": 0, "sql_arg": 1} for i in range(16000)]
        cfg = self.write(".sqlrace.json", json.dumps({"wrappers": wrappers},
                                                     indent=1))
        start = time.monotonic()
        rc, out, err = run("--config=" + cfg, "--quiet", CLEAN, "--",
                           *PG_FLAGS)
        # None is called: each is a warning (cli_test.py, WrapperWarnings),
        # found as fast.
        lines = out.splitlines()
        self.assertEqual((rc, len(lines), err), (0, 16000, ""))
        self.assertEqual(lines[-1], "%s:95997:3: warning: wrapper 'app::f15999' "
                         "matched no function in the analysed code "
                         "[sqlrace-config]" % cfg)
        self.assertLess(time.monotonic() - start, 30)

    # --- Files that are not regular files, or too big ---------------------

    def test_dev_zero_as_source(self):
        out, err = self.assertFails(
            ["/dev/zero", "--", *PG_FLAGS],
            "sqlrace: error: cannot read '/dev/zero': not a regular file "
            "(a character device)")
        self.assertIn("1 could not be analysed", err)

    def test_fifo_as_source_does_not_block(self):
        fifo = self.path("fifo.cpp")
        os.mkfifo(fifo)
        self.assertFails([fifo, CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: cannot read '%s': not a regular "
                         "file (a FIFO)" % fifo)

    def test_directory_as_source(self):
        self.assertFails([self.dir, "--", *PG_FLAGS],
                         "sqlrace: error: cannot read '%s': not a regular "
                         "file (a directory)" % self.dir)

    def test_dev_zero_as_rules(self):
        self.assertFails(["--rules=/dev/zero", CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: /dev/zero: cannot read rules file: "
                         "not a regular file (a character device)")

    def test_dev_zero_as_config(self):
        self.assertFails(["--config=/dev/zero", CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: /dev/zero: cannot read config "
                         "file: not a regular file (a character device)")

    def test_fifo_as_baseline_does_not_block(self):
        fifo = self.path("baseline.fifo")
        os.mkfifo(fifo)
        self.assertFails(["--baseline=" + fifo, CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: cannot read baseline '%s': not a "
                         "regular file (a FIFO)" % fifo)

    def test_oversized_rules_file(self):
        big = self.path("big.json")
        with open(big, "w") as f:
            f.truncate((64 << 20) + 1)  # sparse: nothing is written
        self.assertFails(["--rules=" + big, CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: %s: cannot read rules file: too "
                         "large (67108865 bytes; the limit is 64 MB)" % big)

    def test_dev_zero_as_schema(self):
        self.assertFails(["--schema=/dev/zero", CLEAN, "--", *PG_FLAGS],
                         "sqlrace: error: --schema '/dev/zero': not a regular "
                         "file (a character device)")

    # --- Schemas ----------------------------------------------------------

    def test_schema_without_ddl(self):
        schema = self.write("schema.sql", "this is not SQL at all\n")
        self.assertFails(["--schema=" + schema, RACY, "--", *PG_FLAGS],
                         "sqlrace: error: --schema '%s': no CREATE TABLE, "
                         "CREATE UNIQUE INDEX or ALTER TABLE statement found"
                         % schema)

    def test_empty_schema(self):
        schema = self.write("empty.sql", "\n")
        self.assertFails(["--schema=" + schema, RACY, "--", *PG_FLAGS],
                         "sqlrace: error: --schema '%s': no CREATE TABLE, "
                         "CREATE UNIQUE INDEX or ALTER TABLE statement found "
                         "(the file is empty)" % schema)

    def test_dev_null_schema(self):
        self.assertFails(["--schema=/dev/null", RACY, "--", *PG_FLAGS],
                         "sqlrace: error: --schema '/dev/null': not a regular "
                         "file (a character device)")

    def test_binary_schema(self):
        schema = self.write("schema.sql",
                            b"CREATE TABLE users(email TEXT UNIQUE);\n\x7fELF\x00",
                            mode="wb")
        self.assertFails(["--schema=" + schema, RACY, "--", *PG_FLAGS],
                         "sqlrace: error: --schema '%s': is a binary file (a "
                         "NUL byte at line 2, column 5)" % schema)

    def test_schema_not_utf8(self):
        schema = self.write("schema.sql",
                            b"-- caf\xe9\nCREATE TABLE users(email TEXT UNIQUE);\n",
                            mode="wb")
        self.assertFails(["--schema=" + schema, RACY, "--", *PG_FLAGS],
                         "sqlrace: error: --schema '%s': is not UTF-8 text "
                         "(an invalid byte at line 1, column 7)" % schema)

    def test_migrations_directory_without_ddl(self):
        d = self.path("migrations")
        self.write("migrations/001.sql", "INSERT INTO users VALUES (1);\n")
        self.assertFails(["--schema=" + d, RACY, "--", *PG_FLAGS],
                         "sqlrace: error: --schema '%s': no CREATE TABLE, "
                         "CREATE UNIQUE INDEX or ALTER TABLE statement found "
                         "in its 1 *.sql file" % d)

    def test_empty_migrations_directory_is_a_warning(self):
        d = self.path("migrations")
        os.makedirs(d)
        out, err = self.assertFails(
            ["--schema=" + d, RACY, "--", *PG_FLAGS],
            "sqlrace: warning: --schema '%s': no *.sql migrations in the "
            "directory" % d, status=1)
        self.assertIn("sqlrace-check-then-insert", out)

    def test_config_schema_without_ddl(self):
        self.write("schema.sql", "hello\n")
        cfg = self.write(".sqlrace.json", '{"schema": ["schema.sql"]}')
        self.assertFails(["--config=" + cfg, RACY, "--", *PG_FLAGS],
                         "sqlrace: error: %s: schema '%s': no CREATE TABLE, "
                         "CREATE UNIQUE INDEX or ALTER TABLE statement found"
                         % (cfg, self.path("schema.sql")))

    def test_good_schema_still_loads(self):
        schema = self.write("schema.sql",
                            "CREATE TABLE users(email TEXT UNIQUE);\n")
        rc, out, err = run("--schema=" + schema, RACY, "--", *PG_FLAGS)
        self.assertEqual(rc, 1, err)
        self.assertEqual(error_lines(err), [])

    # --- --checks ---------------------------------------------------------

    def test_no_checks_enabled(self):
        # clang-tidy-19: "Error: no checks enabled." (exit 1); sqlrace exits
        # 2, its status for a bad option.
        for checks in ["-*", "-sqlrace-*", "-*,foo"]:
            rc, out, err = run("--checks=" + checks, RACY, "--", *PG_FLAGS)
            self.assertEqual((rc, out, err.splitlines()),
                             (2, "", ["sqlrace: error: no checks enabled."]),
                             checks)
        rc, out, err = run("--checks=-*", "--list-checks")
        self.assertEqual((rc, out, err.splitlines()),
                         (2, "", ["sqlrace: error: no checks enabled."]))

    def test_unknown_glob_keeps_the_defaults(self):
        # As in clang-tidy, globs apply on top of the default: 'foo' matches
        # nothing and removes nothing.
        rc, out, err = run("--checks=foo", RACY, "--", *PG_FLAGS)
        self.assertEqual(rc, 1, err)

    def test_config_that_disables_every_check(self):
        # A config may switch its part of the tree off: its files are
        # skipped, not an error (decided; docs/reliability.md, "Inputs").
        cfg = self.write(".sqlrace.json", '{"checks": "-*"}')
        rc, out, err = run("--config=" + cfg, RACY, "--", *PG_FLAGS)
        self.assertEqual((rc, out, err.strip()), (0, "", "0 findings in 1 file"))

    # --- Compilation databases -------------------------------------------

    def database(self, entries, text=None):
        d = self.path("build")
        os.makedirs(d, exist_ok=True)
        p = os.path.join(d, "compile_commands.json")
        with open(p, "w") as f:
            f.write(text if text is not None else json.dumps(entries, indent=1))
        return d, p

    def entry(self, source, directory=CASES):
        return {"directory": directory, "file": source,
                "arguments": ["clang++", *PG_FLAGS, "-c", source]}

    def test_missing_compile_directory(self):
        # Once "LLVM ERROR: Cannot chdir" for the whole run.
        gone = self.path("gone")
        d, _ = self.database([self.entry(RACY, gone), self.entry(CLEAN)])
        rc, out, err = run("--format=json", "-p", d)
        self.assertEqual(rc, 2, err)
        self.assertEqual(error_lines(err),
                         ["sqlrace: error: '%s': compile command directory "
                          "'%s' does not exist" % (RACY, gone)])
        files = {f["file"]: f["status"] for f in json.loads(out)["files"]}
        self.assertEqual(files, {RACY: "error", CLEAN: "ok"})

    def test_bad_entries_are_skipped_and_the_others_run(self):
        entries = [{"directory": CASES, "arguments": ["clang++", "-c", "x.cpp"]},
                   self.entry(RACY),
                   {"file": CLEAN, "directory": CASES},
                   {"file": CLEAN, "directory": 7, "command": "c++"},
                   "not an object",
                   {"file": CLEAN, "directory": CASES, "arguments": ["c++", 1]},
                   {"file": CLEAN, "directory": CASES, "command": " "}]
        d, p = self.database(entries)
        # json.dump(indent=1) starts each entry on a line of its own, at
        # column 2.
        with open(p) as f:
            at = [n for n, l in enumerate(f.read().splitlines(), 1)
                  if l in (" {", ' "not an object",')]
        expected = [
            "sqlrace: error: %s:%d:2: compile command 1 has no \"file\"; it "
            "is skipped" % (p, at[0]),
            "sqlrace: error: %s:%d:2: compile command 3 has neither "
            "\"command\" nor \"arguments\"; it is skipped" % (p, at[2]),
            "sqlrace: error: %s:%d:2: compile command 4 has \"directory\" as "
            "a number, not a string; it is skipped" % (p, at[3]),
            "sqlrace: error: %s:%d:2: compile command 5 is a string, not an "
            "object; it is skipped" % (p, at[4]),
            "sqlrace: error: %s:%d:2: compile command 6 has a number in "
            "\"arguments\", where only strings are allowed; it is skipped"
            % (p, at[5]),
            "sqlrace: error: %s:%d:2: compile command 7 has an empty "
            "\"command\"; it is skipped" % (p, at[6])]
        # -p alone: every good entry runs; the status says the database is
        # broken.
        rc, out, err = run("--format=json", "-p", d)
        self.assertEqual(rc, 2, err)
        self.assertEqual(error_lines(err), expected)
        self.assertEqual([f["file"] for f in json.loads(out)["files"]], [RACY])
        self.assertEqual(len(json.loads(out)["diagnostics"]), 1)
        # -p and a file.
        rc, out, err = run("-p", d, RACY)
        self.assertEqual(rc, 2, err)
        self.assertEqual(error_lines(err), expected)
        self.assertIn("sqlrace-check-then-insert", out)

    def test_malformed_database(self):
        d, p = self.database(None, text='[\n {"directory": "/tmp",\n')
        for args in (["-p", d], ["-p", d, RACY]):
            self.assertEqual(run(*args)[0], 2)
            self.assertFails(args, "sqlrace: error: %s:3:1: invalid JSON: "
                                   "Expected object key" % p)

    def test_database_not_an_array(self):
        d, p = self.database({"directory": CASES})
        self.assertFails(["-p", d],
                         "sqlrace: error: %s:1:1: expected a JSON array of "
                         "compile commands, found an object" % p)

    def test_empty_database_file(self):
        d, p = self.database(None, text="")
        self.assertFails(["-p", d, RACY],
                         "sqlrace: error: %s: empty file; expected a JSON "
                         "array of compile commands" % p)

    def test_database_with_no_entries(self):
        d, p = self.database([])
        self.assertFails(["-p", d], "sqlrace: error: the compilation database "
                                    "in '%s' lists no files" % d)

    def test_no_database_in_build_dir(self):
        d = self.path("empty-build")
        os.makedirs(d)
        self.assertFails(["-p", d],
                         "sqlrace: error: cannot load a compilation database "
                         "from '%s': no compile_commands.json or "
                         "compile_flags.txt there" % d)

    def test_build_dir_that_does_not_exist(self):
        gone = self.path("gone")
        self.assertFails(["-p", gone],
                         "sqlrace: error: cannot load a compilation database "
                         "from '%s': not a directory" % gone)

    def test_broken_database_found_above_the_file(self):
        # Without -p the database is looked for above the first file, as
        # clang-tidy does; a broken one is reported, not "none found".
        src = self.write("src/a.cpp", open(RACY).read())
        p = self.write("compile_commands.json", "[{]")
        self.assertFails([src], "sqlrace: error: %s:1:3: invalid JSON: "
                                "Expected object key" % p)

    def test_database_found_above_the_file(self):
        src = self.write("src/a.cpp", open(RACY).read())
        self.write("compile_commands.json", json.dumps([self.entry(src)]))
        rc, out, err = run(src)
        self.assertEqual(rc, 1, err)
        self.assertEqual(error_lines(err), [])

    def test_extra_args_apply_to_the_database(self):
        d, _ = self.database([self.entry(CLEAN)])
        rc, out, err = run("-p", d, "--extra-arg=-include/nonexistent/x.h", CLEAN)
        self.assertEqual(rc, 2, err)
        self.assertIn("does not compile", err)

    def test_deeply_nested_database(self):
        d, p = self.database(None, text="[" * DEEP + "]" * DEEP)
        self.assertFails(["-p", d], "sqlrace: error: %s:1:129: invalid JSON: "
                                    "nested deeper than 128 levels" % p)

    def test_dev_zero_database(self):
        d = self.path("devbuild")
        os.makedirs(d)
        os.symlink("/dev/zero", os.path.join(d, "compile_commands.json"))
        self.assertFails(["-p", d],
                         "sqlrace: error: cannot read compilation database "
                         "'%s/compile_commands.json': not a regular file (a "
                         "character device)" % d)


if __name__ == "__main__":
    SQLRACE = sys.argv.pop(1)
    unittest.main(verbosity=2)
