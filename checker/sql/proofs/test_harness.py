#!/usr/bin/env python3
"""Self-test of the proofs' verdicts (harness.judge): no server, no sqlrace.

Run: python3 checker/sql/proofs/test_harness.py
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def entry(fn, open=None):
    return dict(dialect="SQLite", id="t", text="t", source=None, fn=fn, open=open)


def holds(_ctx):
    return "held"


def disproved(_ctx):
    raise harness.KnownFalse("the server says otherwise")


def broken(_ctx):
    raise RuntimeError("connection refused")


class JudgeTest(unittest.TestCase):
    def test_claim_that_holds_passes(self):
        self.assertEqual(harness.judge(entry(holds), None), ("PASS", "held"))

    def test_open_claim_still_false_is_xfail(self):
        status, detail = harness.judge(entry(disproved, open="advises FOR UPDATE for SQLite"), None)
        self.assertEqual(status, "XFAIL")
        self.assertIn("the server says otherwise", detail)
        self.assertIn("advises FOR UPDATE for SQLite", detail)
        self.assertIn(status, harness.PASSING)

    def test_open_claim_that_now_holds_is_xpass_and_fails(self):
        status, detail = harness.judge(entry(holds, open="advises FOR UPDATE for SQLite"), None)
        self.assertEqual(status, "XPASS")
        self.assertIn("remove open=", detail)
        self.assertNotIn(status, harness.PASSING)

    def test_claim_found_false_without_mark_fails(self):
        # A claim that was fixed once and regressed, or a new false one: not an XFAIL.
        status, detail = harness.judge(entry(disproved), None)
        self.assertEqual(status, "FAIL")
        self.assertIn("the server says otherwise", detail)
        self.assertNotIn(status, harness.PASSING)

    def test_broken_proof_fails_even_when_open(self):
        for mark in (None, "some open claim"):
            status, detail = harness.judge(entry(broken, open=mark), None)
            self.assertEqual(status, "FAIL")
            self.assertIn("connection refused", detail)

    def test_claim_registers_open_mark(self):
        before = len(harness.CLAIMS)
        try:
            harness.claim("SQLite", "t-open", "text", open="why")(holds)
            harness.claim("SQLite", "t-plain", "text")(holds)
            self.assertEqual([c["open"] for c in harness.CLAIMS[before:]], ["why", None])
        finally:
            del harness.CLAIMS[before:]


if __name__ == "__main__":
    unittest.main()
