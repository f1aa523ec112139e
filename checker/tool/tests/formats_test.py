#!/usr/bin/env python3
"""Exact-content tests of `--format=sarif` and `--format=codeclimate` on
testdata inputs. Usage: formats_test.py <path to sqlrace>."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SQLRACE = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
TESTDATA = os.path.join(ROOT, "testdata")
RACY = os.path.join(TESTDATA, "check-then-insert", "libpq-ntuples-zero.cpp")
CLEAN = os.path.join(TESTDATA, "check-then-insert",
                     "libpq-clean-on-conflict.cpp")
NOLINT = os.path.join(TESTDATA, "check-then-insert", "sqlite3-nolint.cpp")
PG_FLAGS = ["-std=c++17", "-I/usr/include/postgresql"]
RACE_MESSAGE = ("insert into 'users' can race with the preceding existence "
                "check; a concurrent client can insert the same row in "
                "between")


def run(*args, cwd=None):
    p = subprocess.run([SQLRACE, *args], capture_output=True, text=True,
                       timeout=120, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def region(loc):
    r = loc["physicalLocation"]["region"]
    return r["startLine"], r["startColumn"]


def uri(loc):
    return loc["physicalLocation"]["artifactLocation"]


class Sarif(unittest.TestCase):
    def sarif(self, *args, cwd=ROOT):
        rc, out, err = run("--format=sarif", *args, cwd=cwd)
        return rc, json.loads(out), err

    def test_racy_file(self):
        rc, log, _ = self.sarif(RACY, CLEAN, "--", *PG_FLAGS)
        self.assertEqual(rc, 1)
        self.assertEqual(log["version"], "2.1.0")
        [run_] = log["runs"]
        self.assertEqual(run_["originalUriBaseIds"],
                         {"SRCROOT": {"uri": "file://" + ROOT + "/"}})
        driver = run_["tool"]["driver"]
        self.assertEqual((driver["name"], driver["version"]),
                         ("sqlrace", "0.1.0"))
        self.assertEqual([r["id"] for r in driver["rules"]],
                         ["sqlrace-check-then-insert",
                          "sqlrace-read-modify-write",
                          "sqlrace-check-then-update",
                          "sqlrace-unhandled-unique-violation"])
        # The default docs URL is this source tree's docs/checks, and each
        # rule's doc exists there.
        for r in driver["rules"]:
            help_uri = r["helpUri"]
            self.assertTrue(help_uri.startswith("file:///"), help_uri)
            self.assertTrue(os.path.isfile(help_uri[len("file://"):]),
                            help_uri)
        self.assertEqual(run_["invocations"],
                         [{"executionSuccessful": True}])

        [res] = run_["results"]
        self.assertEqual(res["ruleId"], "sqlrace-check-then-insert")
        self.assertEqual(res["ruleIndex"], 0)
        self.assertEqual(res["level"], "warning")
        self.assertEqual(res["message"]["text"], RACE_MESSAGE)
        [loc] = res["locations"]
        self.assertEqual(uri(loc), {
            "uri": "testdata/check-then-insert/libpq-ntuples-zero.cpp",
            "uriBaseId": "SRCROOT"})
        self.assertEqual(region(loc), (20, 23))
        related = res["relatedLocations"]
        self.assertEqual(len(related), 4)
        self.assertEqual([r["id"] for r in related], [0, 1, 2, 3])
        self.assertEqual([region(r) for r in related],
                         [(13, 21), (16, 7), (20, 23), (20, 23)])
        self.assertEqual(
            related[0]["message"]["text"],
            "existence of a 'users' row checked here, keyed on (email)")
        [flow] = res["codeFlows"]
        [thread] = flow["threadFlows"]
        steps = thread["locations"]
        self.assertEqual([s["executionOrder"] for s in steps], [1, 2, 3, 4])
        self.assertEqual([region(s["location"]) for s in steps],
                         [region(r) for r in related])
        self.assertEqual([s["location"]["message"] for s in steps],
                         [r["message"] for r in related])
        self.assertEqual(list(res["partialFingerprints"]),
                         ["sqlraceFingerprint/v1"])
        self.assertNotIn("suppressions", res)
        self.assertNotIn("fixes", res)

    def test_nolint_listed_as_suppressed(self):
        rc, log, err = self.sarif(NOLINT, "--", "-std=c++17")
        self.assertEqual(rc, 1, "one finding is not suppressed")
        self.assertEqual(err.strip(), "1 finding in 1 file")
        results = log["runs"][0]["results"]
        self.assertEqual(
            [(region(r["locations"][0])[0],
              [s["kind"] for s in r.get("suppressions", [])])
             for r in results],
            [(22, ["inSource"]), (27, ["inSource"]), (33, ["inSource"]),
             (39, ["inSource"]), (50, [])])
        prints = [r["partialFingerprints"]["sqlraceFingerprint/v1"]
                  for r in results]
        self.assertEqual(len(set(prints)), len(prints), "unique in a run")

    def test_all_suppressed_is_exit_0(self):
        with tempfile.TemporaryDirectory() as d:
            src = os.path.join(d, "n.cpp")
            with open(NOLINT) as f:
                text = f.read()
            with open(src, "w") as f:
                f.write(text.replace("NOLINT(sqlrace-read-modify-write)",
                                     "NOLINT"))
            rc, log, _ = self.sarif(src, "--", "-std=c++17", cwd=d)
        self.assertEqual(rc, 0)
        self.assertEqual(len(log["runs"][0]["results"]), 5)
        self.assertTrue(all(r["suppressions"] for r in
                            log["runs"][0]["results"]))

    def test_fingerprint_survives_a_blank_line(self):
        with tempfile.TemporaryDirectory() as d:
            src = os.path.join(d, "signup.cpp")
            shutil.copy(RACY, src)
            _, before, _ = self.sarif(src, "--", *PG_FLAGS, cwd=d)
            with open(RACY) as f:
                lines = f.readlines()
            at = next(i for i, l in enumerate(lines)
                      if l.startswith("bool signUp"))
            lines.insert(at, "\n")
            with open(src, "w") as f:
                f.writelines(lines)
            _, after, _ = self.sarif(src, "--", *PG_FLAGS, cwd=d)
        [b] = before["runs"][0]["results"]
        [a] = after["runs"][0]["results"]
        self.assertEqual(region(a["locations"][0])[0],
                         region(b["locations"][0])[0] + 1)
        self.assertEqual(a["partialFingerprints"], b["partialFingerprints"])
        self.assertEqual(uri(a["locations"][0]),
                         {"uri": "signup.cpp", "uriBaseId": "SRCROOT"})

    def test_file_outside_the_root_is_absolute(self):
        with tempfile.TemporaryDirectory() as d:
            rc, log, _ = self.sarif(RACY, "--", *PG_FLAGS, cwd=d)
        [res] = log["runs"][0]["results"]
        self.assertEqual(uri(res["locations"][0]), {"uri": "file://" + RACY})

    def test_sarif_root_and_docs_url(self):
        rc, log, _ = self.sarif(
            "--sarif-root=" + TESTDATA,
            "--docs-url=https://example.org/sqlrace/docs/checks",
            RACY, "--", *PG_FLAGS)
        run_ = log["runs"][0]
        self.assertEqual(run_["originalUriBaseIds"]["SRCROOT"]["uri"],
                         "file://" + TESTDATA + "/")
        self.assertEqual(uri(run_["results"][0]["locations"][0])["uri"],
                         "check-then-insert/libpq-ntuples-zero.cpp")
        self.assertEqual(run_["tool"]["driver"]["rules"][1]["helpUri"],
                         "https://example.org/sqlrace/docs/checks/"
                         "read-modify-write.md")

    def test_relative_docs_url_rejected(self):
        rc, out, err = run("--format=sarif", "--docs-url=docs/checks", RACY,
                           "--", *PG_FLAGS)
        self.assertEqual((rc, out), (2, ""))
        self.assertIn("--docs-url must be an absolute URI", err)

    def test_files_not_analysed(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.cpp")
            with open(bad, "w") as f:
                f.write("int main() {\n  return undeclared;\n}\n")
            rc, log, _ = self.sarif(bad, RACY, "--", *PG_FLAGS, cwd=d)
        self.assertEqual(rc, 2)
        [inv] = log["runs"][0]["invocations"]
        self.assertFalse(inv["executionSuccessful"])
        [note] = inv["toolExecutionNotifications"]
        self.assertEqual(note["level"], "error")
        self.assertEqual(note["message"]["text"],
                         bad + ": the file does not compile; see the "
                         "compiler's errors")
        self.assertEqual(uri(note["locations"][0]),
                         {"uri": "bad.cpp", "uriBaseId": "SRCROOT"})
        self.assertEqual(len(log["runs"][0]["results"]), 1)


class CodeClimate(unittest.TestCase):
    def test_issues(self):
        rc, out, _ = run("--format=codeclimate", RACY, CLEAN, NOLINT, "--",
                         *PG_FLAGS, cwd=ROOT)
        self.assertEqual(rc, 1)
        issues = json.loads(out)
        prints = [i.pop("fingerprint") for i in issues]
        self.assertEqual(len(set(prints)), 2)
        self.assertTrue(all(len(p) == 16 for p in prints), prints)
        self.assertEqual(issues, [
            {"type": "issue", "check_name": "sqlrace-check-then-insert",
             "description": RACE_MESSAGE, "categories": ["Bug Risk"],
             "severity": "major",
             "location": {
                 "path": "testdata/check-then-insert/libpq-ntuples-zero.cpp",
                 "lines": {"begin": 20}}},
            {"type": "issue", "check_name": "sqlrace-check-then-insert",
             "description": "insert into 'tags' can race with the preceding "
                            "existence check; a concurrent client can insert "
                            "the same row in between",
             "categories": ["Bug Risk"], "severity": "major",
             "location": {
                 "path": "testdata/check-then-insert/sqlite3-nolint.cpp",
                 "lines": {"begin": 50}}}])

    def test_fingerprints_match_sarif(self):
        _, out, _ = run("--format=codeclimate", RACY, "--", *PG_FLAGS)
        _, log, _ = run("--format=sarif", RACY, "--", *PG_FLAGS)
        self.assertEqual(
            json.loads(out)[0]["fingerprint"],
            json.loads(log)["runs"][0]["results"][0]["partialFingerprints"]
            ["sqlraceFingerprint/v1"])

    def test_nothing_found_is_empty_array(self):
        rc, out, _ = run("--format=codeclimate", CLEAN, "--", *PG_FLAGS)
        self.assertEqual((rc, json.loads(out)), (0, []))


if __name__ == "__main__":
    SQLRACE = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
