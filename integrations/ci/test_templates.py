#!/usr/bin/env python3
"""Tests of the CI templates: each YAML file is parsed, its shape checked
(the steps the CI service needs), and the shell commands that analyse the
project are run here, on a copy of demo/signup-service, with the sqlrace
under test in place of the one the template builds. The report they leave
is then checked: SARIF valid under Microsoft's validator, Code Quality
issues exact.

Usage: test_templates.py <sqlrace> <build dir> [unittest args, e.g. GitHub]"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEMO = os.path.join(ROOT, "demo", "signup-service")
sys.path.insert(0, os.path.join(ROOT, "checker", "tool", "tests"))
import sarif_validator  # noqa: E402

SQLRACE = BUILD = None

# (path relative to the project, line, check, description)
DEMO_FINDINGS = [
    ("src/accounts.cpp", 30, "sqlrace-check-then-insert",
     "insert into 'accounts' can race with the preceding existence check; a "
     "concurrent client can insert the same row in between"),
    ("src/counters.cpp", 36, "sqlrace-read-modify-write",
     "update of 'page_views.views' writes back a value computed from an "
     "earlier read; an update made by another client in between is lost"),
    ("src/counters.cpp", 52, "sqlrace-read-modify-write",
     "update of 'stock.quantity' writes back a value computed from an "
     "earlier read; an update made by another client in between is lost"),
]


def load(name):
    with open(os.path.join(HERE, name)) as f:
        return yaml.safe_load(f)


def literal_env(env):
    """The variables of a CI env block that need no CI expansion."""
    return {k: str(v) for k, v in (env or {}).items()
            if "${{" not in str(v) and "$" not in str(v)}


class Template(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.project = os.path.join(tmp.name, "signup-service")
        shutil.copytree(DEMO, self.project)

    def run_script(self, script, env):
        """Runs one step's shell text as CI runners do (bash, stop at the
        first failing command) in the project copy."""
        full = dict(os.environ)
        full.update(env)
        full["SQLRACE"] = SQLRACE
        p = subprocess.run(["bash", "--noprofile", "--norc", "-eo",
                            "pipefail", "-c", script], cwd=self.project,
                           env=full, capture_output=True, text=True,
                           timeout=600)
        self.assertEqual(p.returncode, 0,
                         "%s\nstdout:\n%s\nstderr:\n%s" % (script, p.stdout,
                                                           p.stderr))
        return p


class GitHub(Template):
    def test_workflow(self):
        wf = load("github-sqlrace.yml")
        # PyYAML reads the key `on` as the boolean true.
        triggers = wf.get("on", wf.get(True))
        self.assertIn("pull_request", triggers)
        self.assertEqual(wf["permissions"]["security-events"], "write")
        [job] = wf["jobs"].values()
        steps = job["steps"]
        uses = [s.get("uses", "") for s in steps]
        self.assertIn("actions/checkout@v4", uses)
        by_id = {s["id"]: s for s in steps if "id" in s}
        upload = next(s for s in steps if s.get("uses", "").startswith(
            "github/codeql-action/upload-sarif@"))
        self.assertEqual(upload["with"]["sarif_file"], "sqlrace.sarif")
        self.assertIn("always()", upload["if"])
        # Order: dependencies and sqlrace's build before the analysis,
        # the upload after it.
        names = [s["name"] for s in steps]
        self.assertLess(names.index("Install sqlrace's dependencies"),
                        names.index(by_id["configure"]["name"]))
        self.assertLess(steps.index(by_id["configure"]),
                        steps.index(by_id["analyse"]))
        self.assertLess(steps.index(by_id["analyse"]), steps.index(upload))
        self.assertIn("install-deps.sh", "\n".join(
            s.get("run", "") for s in steps))

        env = literal_env(wf.get("env"))
        env.update(literal_env(job.get("env")))
        for step in ("configure", "analyse"):
            script = by_id[step]["run"]
            self.assertNotIn("${{", script, "runs without GitHub")
            self.run_script(script, env)
        self.assertTrue(os.path.isfile(os.path.join(
            self.project, "build", "compile_commands.json")))

        sarif = os.path.join(self.project, "sqlrace.sarif")
        tool = sarif_validator.find(BUILD)
        self.assertIsNotNone(tool, "the SARIF validator is not installed in "
                             "%s; run scripts/install-sarif-validator.sh" %
                             BUILD)
        errors = sarif_validator.validate(tool, sarif)
        self.assertEqual(errors, [])
        with open(sarif) as f:
            log = json.load(f)
        [run] = log["runs"]
        self.assertEqual(run["originalUriBaseIds"]["SRCROOT"]["uri"],
                         "file://" + self.project + "/")
        got = []
        for r in run["results"]:
            loc = r["locations"][0]["physicalLocation"]
            self.assertEqual(loc["artifactLocation"]["uriBaseId"], "SRCROOT")
            got.append((loc["artifactLocation"]["uri"],
                        loc["region"]["startLine"], r["ruleId"],
                        r["message"]["text"]))
        self.assertEqual(sorted(got), DEMO_FINDINGS)
        self.assertEqual(run["invocations"], [{"executionSuccessful": True}])

    def test_analyse_step_fails_when_a_file_does_not_compile(self):
        wf = load("github-sqlrace.yml")
        [job] = wf["jobs"].values()
        by_id = {s["id"]: s for s in job["steps"] if "id" in s}
        self.run_script(by_id["configure"]["run"], {})
        with open(os.path.join(self.project, "src", "db.cpp"), "a") as f:
            f.write("\nint broken = undeclared;\n")
        full = dict(os.environ, SQLRACE=SQLRACE)
        p = subprocess.run(["bash", "-eo", "pipefail", "-c",
                            by_id["analyse"]["run"]], cwd=self.project,
                           env=full, capture_output=True, text=True,
                           timeout=600)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("sqlrace exit status: 2", p.stdout)
        with open(os.path.join(self.project, "sqlrace.sarif")) as f:
            log = json.load(f)
        self.assertFalse(
            log["runs"][0]["invocations"][0]["executionSuccessful"])


class GitLab(Template):
    def test_job(self):
        ci = load("gitlab-sqlrace.yml")
        job = ci["sqlrace"]
        self.assertEqual(job["image"], "debian:12")
        report = job["artifacts"]["reports"]["codequality"]
        self.assertEqual(report, "gl-code-quality-report.json")
        self.assertEqual(job["artifacts"]["when"], "always")
        self.assertTrue(any("install-deps.sh" in line
                            for line in job["before_script"]))
        self.assertTrue(any("ninja" in line and "sqlrace" in line
                            for line in job["before_script"]))

        env = literal_env(job.get("variables"))
        env["CI_PROJECT_DIR"] = self.project
        for line in job["script"]:
            self.run_script(line, env)

        with open(os.path.join(self.project, report)) as f:
            issues = json.load(f)
        prints = [i.pop("fingerprint") for i in issues]
        self.assertEqual(len(set(prints)), len(prints), "unique")
        self.assertTrue(all(len(p) == 16 for p in prints), prints)
        # In the compilation database's order.
        issues.sort(key=lambda i: (i["location"]["path"],
                                   i["location"]["lines"]["begin"]))
        self.assertEqual(issues, [
            {"type": "issue", "check_name": check, "description": text,
             "categories": ["Bug Risk"], "severity": "major",
             "location": {"path": path, "lines": {"begin": line}}}
            for path, line, check, text in DEMO_FINDINGS])


if __name__ == "__main__":
    SQLRACE, BUILD = map(os.path.abspath, sys.argv[1:3])
    del sys.argv[1:3]
    unittest.main(verbosity=2)
