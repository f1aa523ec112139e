#!/usr/bin/env python3
"""Self-test of rule_coverage.py's text checks (no sqlrace, no clang-query).

Run: python3 testdata/test_rule_coverage.py
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rule_coverage as rc  # noqa: E402


def rule(name, **extra):
    return rc.Rule("x.json", 0, dict(name=name, role="execute", **extra), ["x.h"])


class TextTest(unittest.TestCase):
    def test_comments_and_literals_are_not_code(self):
        code = rc.code_text('a(); // PQexec(\n/* PQexec( */ b("PQexec(", \'"\'); R"x(PQexec()x"; c();\n')
        self.assertNotIn("PQexec", code)
        self.assertIn("a();", code)
        self.assertIn("c();", code)

    def test_text_pattern_per_kind_of_name(self):
        self.assertTrue(rule("::PQexec").text_pattern().search("PQexec(c, q)"))
        self.assertFalse(rule("::PQexec").text_pattern().search("PQexecParams(c, q)"))
        self.assertTrue(rule("SQLite::Statement::Statement").text_pattern().search("SQLite::Statement S(Db, q);"))
        self.assertTrue(rule("soci::session::operator<<").text_pattern().search("Sql << q;"))
        self.assertTrue(rule("pqxx::result::operator[]").text_pattern().search("R[0]"))
        self.assertIsNone(rule("SQLite::Column::operator int").text_pattern())

    def test_call_arguments_split_at_top_level(self):
        code = "SQLSetConnectAttr(Dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)f(1, 2), 0);"
        self.assertEqual(rc.call_arguments(code, len("SQLSetConnectAttr")),
                         ["Dbc", "SQL_ATTR_AUTOCOMMIT", "(SQLPOINTER)f(1, 2)", "0"])

    def test_when_condition_needs_the_constants_at_their_positions(self):
        r = rule("::SQLSetConnectAttr", when={"1": ["SQL_ATTR_AUTOCOMMIT", 102], "2": ["SQL_AUTOCOMMIT_OFF", 0]})
        self.assertTrue(rc.meets_when(r, "SQLSetConnectAttr(D, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);"))
        self.assertTrue(rc.meets_when(r, "SQLSetConnectAttr(D, 102, 0, 0);"))
        self.assertFalse(rc.meets_when(r, "SQLSetConnectAttr(D, SQL_ATTR_AUTOCOMMIT, SQL_AUTOCOMMIT_ON, 0);"))
        self.assertFalse(rc.meets_when(r, "SQLSetConnectAttr(D, SQL_ATTR_TXN_ISOLATION, SQL_AUTOCOMMIT_OFF, 0);"))

    def test_misfit_message_is_read(self):
        line = ("sqlrace: error: /tmp/p/libpq.json:3:1: 'PQexecParams' names argument 64, but the function "
                "found in the code takes 8 parameters (arguments count from 0); the rule is not applied to it")
        m = rc.MISFIT_RE.search(line)
        self.assertEqual((m.group("file"), m.group("line"), m.group("params")), ("/tmp/p/libpq.json", "3", "8"))

    def test_keys_tell_overloads_apart(self):
        self.assertEqual(rule("nanodbc::execute", params=4).key(), "nanodbc::execute/4")
        self.assertEqual(rule("::PQexec").key(), "::PQexec")

    def test_allow_lists_name_rules(self):
        keys = {r.key() for r in rc.load_rules(os.path.join(rc.ROOT, "rules"))}
        for key in list(rc.PROBE_BLIND) + list(rc.UNCOVERED_ALLOWED):
            self.assertIn(key, keys)


if __name__ == "__main__":
    unittest.main()
