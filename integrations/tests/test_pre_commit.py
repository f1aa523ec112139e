#!/usr/bin/env python3
"""Tests the pre-commit hook with the real pre-commit.

The hook repository is a throw-away git repository holding this checkout's
.pre-commit-hooks.yaml and wrapper, committed there, so the test works from
a clean clone and from a working tree with uncommitted changes alike. The
project is a copy of integrations/tests/project in a second repository, with
its compile_commands.json in build/. Then, with the hook installed:
a clean commit is accepted, a racy one is rejected with sqlrace's
diagnostic, the fixed file is accepted, a racy file that is not in the
compilation database is skipped, and a missing sqlrace fails the commit.

Usage: test_pre_commit.py --sqlrace <path to sqlrace>
"""

import argparse
import os
import shutil
import stat
import tempfile

from common import (FIXTURE, ROOT, Tally, configure_fixture, finding_re, need,
                    run)

HOOK_FILES = [".pre-commit-hooks.yaml", "integrations/pre-commit/sqlrace-hook"]

CONFIG = """repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: sqlrace
        args: [--build-dir=build]
"""


def git(cwd, *args, env):
    status, out = run(["git", *args], cwd=cwd, env=env)
    if status != 0:
        raise SystemExit(f"error: git {' '.join(args)} failed:\n{out}")
    return out.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sqlrace", required=True)
    args = ap.parse_args()
    need("pre-commit", "install Debian's pre-commit (scripts/install-deps.sh)")
    t = Tally()
    with tempfile.TemporaryDirectory(prefix="sqlrace-pre-commit-") as tmp:
        gitconfig = os.path.join(tmp, "gitconfig")
        with open(gitconfig, "w") as f:
            f.write("[user]\n\tname = sqlrace test\n\temail = test@example.invalid\n"
                    "[init]\n\tdefaultBranch = main\n")
        # Nothing from the user's or the system's git and pre-commit setup.
        env = dict(os.environ, GIT_CONFIG_GLOBAL=gitconfig, GIT_CONFIG_NOSYSTEM="1",
                   PRE_COMMIT_HOME=os.path.join(tmp, "pre-commit-home"),
                   SQLRACE_BIN=os.path.abspath(args.sqlrace))
        for k in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "SQLRACE"):
            env.pop(k, None)

        hooks = os.path.join(tmp, "hooks")
        for rel in HOOK_FILES:
            os.makedirs(os.path.dirname(os.path.join(hooks, rel)), exist_ok=True)
            shutil.copy2(os.path.join(ROOT, rel), os.path.join(hooks, rel))
        hook = os.path.join(hooks, HOOK_FILES[1])
        os.chmod(hook, os.stat(hook).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        git(hooks, "init", "-q", env=env)
        git(hooks, "add", ".", env=env)
        git(hooks, "commit", "-q", "-m", "sqlrace hooks", env=env)
        rev = git(hooks, "rev-parse", "HEAD", env=env)

        project = os.path.join(tmp, "project")
        shutil.copytree(FIXTURE, project)
        with open(os.path.join(project, ".gitignore"), "w") as f:
            f.write("/build/\n")
        with open(os.path.join(project, ".pre-commit-config.yaml"), "w") as f:
            f.write(CONFIG.format(repo=hooks, rev=rev))
        configure_fixture(os.path.join(project, "build"), source=project)
        git(project, "init", "-q", env=env)
        status, out = run(["pre-commit", "install"], cwd=project, env=env)
        t.check(status == 0, "pre-commit install", out)

        def commit(message, *paths, environ=env):
            git(project, "add", *paths, env=environ)
            return run(["git", "commit", "-m", message], cwd=project, env=environ)

        def head():
            return run(["git", "rev-parse", "-q", "--verify", "HEAD"], cwd=project, env=env)[1]

        status, out = commit("clean start", ".gitignore", ".pre-commit-config.yaml",
                             "CMakeLists.txt", "src/tags.cpp", "src/signup.h")
        t.check(status == 0 and "sqlrace" in out and "Passed" in out,
                "a commit of clean files is accepted, the hook having run", out)

        before = head()
        status, out = commit("racy signup", "src/signup.cpp")
        t.check(status != 0, "a commit with a check-then-insert race is rejected", out)
        t.check(finding_re().search(out) and "Failed" in out,
                "... and the output has sqlrace's diagnostic at signup.cpp:18:21", out)
        t.check(head() == before, "... and no commit was made", out)

        # try-repo: the hook straight from a repository, for a one-off run.
        status, out = run(["pre-commit", "try-repo", hooks, "sqlrace", "--files",
                           "src/signup.cpp", "src/tags.cpp"], cwd=project, env=env)
        t.check(status != 0 and finding_re().search(out),
                "pre-commit try-repo reports the race too", out)

        # The wrapper alone: options for sqlrace pass through, a missing
        # database is an error (2).
        status, out = run([hook, "-p", "build", "--checks=-*,sqlrace-read-modify-write",
                           "src/signup.cpp"], cwd=project, env=env)
        t.check(status == 0 and "0 findings in 1 file" in out,
                "sqlrace options given to the hook reach sqlrace (--checks)", out)
        status, out = run([hook, "--build-dir=nowhere", "src/signup.cpp"], cwd=project, env=env)
        t.check(status == 2 and "no nowhere/compile_commands.json" in out,
                "a build dir without compile_commands.json is an error, exit 2", out)

        # The same file, made atomic: accepted.
        path = os.path.join(project, "src", "signup.cpp")
        with open(path) as f:
            text = f.read()
        fixed = text.replace("INSERT INTO users(email) VALUES (?)",
                             "INSERT INTO users(email) VALUES (?) ON CONFLICT (email) DO NOTHING")
        assert fixed != text
        with open(path, "w") as f:
            f.write(fixed)
        status, out = commit("atomic signup", "src/signup.cpp")
        t.check(status == 0 and "Passed" in out, "the fixed file is accepted", out)

        # Racy, but not in build/compile_commands.json: skipped.
        os.makedirs(os.path.join(project, "scratch"))
        with open(os.path.join(project, "scratch", "racy.cpp"), "w") as f:
            f.write(text)
        status, out = commit("scratch file", "scratch/racy.cpp")
        t.check(status == 0 and "[sqlrace-" not in out,
                "a staged file that is not in the compilation database is skipped", out)

        # No sqlrace anywhere: the commit fails and says why.
        no_sqlrace = {k: v for k, v in env.items() if k != "SQLRACE_BIN"}
        no_sqlrace["PATH"] = os.pathsep.join(
            d for d in env.get("PATH", "").split(os.pathsep)
            if not os.path.exists(os.path.join(d, "sqlrace")))
        with open(os.path.join(project, "src", "tags.cpp"), "a") as f:
            f.write("// touched\n")
        status, out = commit("touch tags", "src/tags.cpp", environ=no_sqlrace)
        t.check(status != 0 and "sqlrace not found" in out,
                "without sqlrace the commit fails with a reason", out)

    t.finish()


if __name__ == "__main__":
    main()
