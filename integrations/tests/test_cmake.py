#!/usr/bin/env python3
"""Tests the CMake and clang-tidy integrations on the fixture project
(integrations/tests/project) with the real tools.

  test_cmake.py clang-tidy-var --module <SqlRaceTidyModule.so>
      CMAKE_CXX_CLANG_TIDY as docs/clang-tidy.md gives it, on the command
      line and in CMakeLists.txt: the warning shows in ninja's output, and
      --warnings-as-errors fails the build.
  test_cmake.py module --sqlrace <sqlrace>
      integrations/cmake/Sqlrace.cmake: 'ninja sqlrace' and the per-target
      targets run the CLI and pass its exit status on.
  test_cmake.py run-clang-tidy --module <SqlRaceTidyModule.so>
      run-clang-tidy-19 -load ... -p <build dir> over the fixture's database.
"""

import argparse
import os
import re
import tempfile

from common import (FIXTURE, INTEGRATIONS, ROOT, Tally, configure_fixture,
                    finding_re, need, run)

NO_TAGS_FINDING = re.compile(r"tags\.cpp:\d+:\d+: (warning|error)")


def option_block(path):
    """The option(WITH_SQLRACE ...) ... endif() lines of a file."""
    with open(path) as f:
        text = f.read()
    m = re.search(r"^option\(WITH_SQLRACE.*?^endif\(\)$", text, re.MULTILINE | re.DOTALL)
    return m.group(0) if m else None


def test_clang_tidy_var(args, t, tmp):
    need("clang-tidy-19", "install Debian's clang-tidy-19 (scripts/install-deps.sh)")
    doc = os.path.join(ROOT, "docs", "clang-tidy.md")
    with open(doc) as f:
        t.check('"-DCMAKE_CXX_CLANG_TIDY=clang-tidy-19;--load=/path/to/SqlRaceTidyModule.so;'
                '--checks=-*,sqlrace-*"' in f.read(),
                "docs/clang-tidy.md gives the command-line form tested here")
    block = option_block(doc)
    t.check(block and block == option_block(os.path.join(FIXTURE, "CMakeLists.txt")),
            "the fixture carries docs/clang-tidy.md's CMakeLists.txt block unchanged")
    tidy = f"clang-tidy-19;--load={args.module};--checks=-*,sqlrace-*"
    build = os.path.join(tmp, "warn")
    configure_fixture(build, f"-DCMAKE_CXX_CLANG_TIDY={tidy}")
    status, out = run(["ninja", "-C", build, "-j", "2"])
    t.check(status == 0, "a build with sqlrace warnings succeeds", out)
    t.check(len(finding_re().findall(out)) == 1,
            "the build output has the sqlrace-check-then-insert warning at signup.cpp:18:21, once", out)
    t.check(not NO_TAGS_FINDING.search(out), "nothing is reported in the clean tags.cpp", out)

    # The same through the option block of docs/clang-tidy.md, which the
    # fixture's CMakeLists.txt carries.
    build = os.path.join(tmp, "option")
    configure_fixture(build, "-DWITH_SQLRACE=ON", f"-DSQLRACE_TIDY_MODULE={args.module}")
    status, out = run(["ninja", "-C", build, "-j", "2"])
    t.check(status == 0 and len(finding_re().findall(out)) == 1
            and not NO_TAGS_FINDING.search(out),
            "the CMakeLists.txt form (option WITH_SQLRACE) gives the same warning", out)

    build = os.path.join(tmp, "error")
    configure_fixture(build, f"-DCMAKE_CXX_CLANG_TIDY={tidy};--warnings-as-errors=sqlrace-*")
    status, out = run(["ninja", "-C", build, "-j", "2"])
    t.check(status != 0, "with --warnings-as-errors=sqlrace-* the build fails", out)
    t.check(finding_re(severity="error", suffix=",-warnings-as-errors").search(out),
            "... and says why, as an error at signup.cpp:18:21", out)


def test_module(args, t, tmp):
    module = os.path.join(INTEGRATIONS, "cmake", "Sqlrace.cmake")
    build = os.path.join(tmp, "build")
    configure_fixture(build, f"-DSQLRACE_CMAKE_MODULE={module}",
                      f"-DSQLRACE_EXECUTABLE={args.sqlrace}")
    status, out = run(["ninja", "-C", build, "sqlrace"])
    t.check(status != 0, "'ninja sqlrace' fails: the project has a race", out)
    t.check(len(finding_re().findall(out)) == 1,
            "'ninja sqlrace' shows the finding at signup.cpp:18:21", out)
    t.check("1 finding in 2 files" in out,
            "'ninja sqlrace' analysed both files of compile_commands.json", out)

    status, out = run(["ninja", "-C", build, "sqlrace-signup"])
    t.check(status != 0 and finding_re().search(out) and "in 1 file" in out,
            "'ninja sqlrace-signup' fails with the finding, on signup.cpp alone", out)
    status, out = run(["ninja", "-C", build, "sqlrace-tags"])
    t.check(status == 0 and "0 findings in 1 file" in out,
            "'ninja sqlrace-tags' passes: tags.cpp is clean", out)
    status, out = run(["ninja", "-C", build])
    t.check(status == 0 and "sqlrace:" not in out and "[sqlrace-" not in out,
            "the sqlrace targets are not part of the default build", out)

    # Found through $SQLRACE_BIN when no -DSQLRACE_EXECUTABLE is given.
    build = os.path.join(tmp, "env")
    env = dict(os.environ, SQLRACE_BIN=args.sqlrace)
    status, out = run(["cmake", "-G", "Ninja", "-S", os.path.join(INTEGRATIONS, "tests", "project"),
                       "-B", build, "-DCMAKE_CXX_COMPILER=clang++-19",
                       f"-DSQLRACE_CMAKE_MODULE={module}"], env=env)
    status, out = run(["ninja", "-C", build, "sqlrace-tags"])
    t.check(status == 0 and "0 findings in 1 file" in out,
            "SQLRACE_BIN names the executable when SQLRACE_EXECUTABLE is not set", out)

    # Without any sqlrace the targets exist and fail with a reason.
    build = os.path.join(tmp, "missing")
    env = {k: v for k, v in os.environ.items() if k != "SQLRACE_BIN"}
    env["PATH"] = "/usr/bin:/bin"
    status, out = run(["cmake", "-G", "Ninja", "-S", os.path.join(INTEGRATIONS, "tests", "project"),
                       "-B", build, "-DCMAKE_CXX_COMPILER=clang++-19",
                       f"-DSQLRACE_CMAKE_MODULE={module}"], env=env)
    t.check(status == 0, "configuring without sqlrace works", out)
    status, out = run(["ninja", "-C", build, "sqlrace"], env=env)
    t.check(status != 0 and "sqlrace not found" in out,
            "without sqlrace, 'ninja sqlrace' fails and says so", out)


def test_run_clang_tidy(args, t, tmp):
    need("run-clang-tidy-19", "install Debian's clang-tidy-19 (scripts/install-deps.sh)")
    build = os.path.join(tmp, "build")
    configure_fixture(build)
    base = ["run-clang-tidy-19", f"-load={args.module}", "-checks=-*,sqlrace-*",
            "-p", build, "-j", "2"]
    status, out = run(base)
    t.check(status == 0, "run-clang-tidy-19 exits 0 on warnings", out)
    t.check(len(finding_re().findall(out)) == 1,
            "run-clang-tidy-19 shows the finding at signup.cpp:18:21, once", out)
    t.check("Running clang-tidy for 2 files" in out and not NO_TAGS_FINDING.search(out),
            "both files of the database were analysed; tags.cpp is clean", out)
    status, out = run(base + ["-warnings-as-errors=sqlrace-*", "-quiet"])
    t.check(status != 0 and finding_re(severity="error", suffix=",-warnings-as-errors").search(out),
            "with -warnings-as-errors=sqlrace-* run-clang-tidy-19 fails", out)
    status, out = run(base + ["tags"])
    t.check(status == 0 and "Running clang-tidy for 1 files" in out
            and not finding_re().search(out),
            "a file regex limits the run to tags.cpp", out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["clang-tidy-var", "module", "run-clang-tidy"])
    ap.add_argument("--sqlrace")
    ap.add_argument("--module")
    args = ap.parse_args()
    for name in ("sqlrace", "module"):
        if getattr(args, name):
            setattr(args, name, os.path.abspath(getattr(args, name)))
    t = Tally()
    with tempfile.TemporaryDirectory(prefix="sqlrace-cmake-") as tmp:
        {"clang-tidy-var": test_clang_tidy_var, "module": test_module,
         "run-clang-tidy": test_run_clang_tidy}[args.what](args, t, tmp)
    t.finish()


if __name__ == "__main__":
    main()
