//===- WriteTest.cpp - sqlrace --------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// UPDATE (assignments, self-relative values), DELETE and MERGE.
//===----------------------------------------------------------------------===//

#include "TestUtil.h"

namespace sqlrace::sql::test {
namespace {

using test::operator<<;

//===-- UPDATE assignments
//---------------------------------------------------===//

struct AssignCase {
  const char *Name;
  const char *Sql; ///< one assignment
  const char *Column;
  const char *Value;
  bool SelfRelative;
};

const AssignCase AssignCases[] = {
    {"increment", "UPDATE t SET n = n + 1 WHERE id = ?", "n", "n + 1", true},
    {"decrement_param", "UPDATE stock SET n = n - ? WHERE id = ?", "n", "n - ?",
     true},
    {"no_spaces", "UPDATE t SET n=n+1 WHERE id=?", "n", "n+1", true},
    {"absolute", "UPDATE t SET n = ? WHERE id = ?", "n", "?", false},
    {"jsonb_set", "UPDATE t SET doc = jsonb_set(doc, '{a}', $1) WHERE id = $2",
     "doc", "jsonb_set(doc, '{a}', $1)", true},
    {"coalesce", "UPDATE t SET c = COALESCE(c, 0) + 1 WHERE id = ?", "c",
     "COALESCE(c, 0) + 1", true},
    {"qualified_by_table", "UPDATE t SET n = t.n + 1 WHERE id = ?", "n",
     "t.n + 1", true},
    {"qualified_by_alias", "UPDATE counters c SET n = c.n * 2 WHERE c.id = ?",
     "n", "c.n * 2", true},
    {"other_table_column",
     "UPDATE t SET n = s.n + 1 FROM s WHERE s.id = t.id AND t.id = ?", "n",
     "s.n + 1", false},
    {"similar_name", "UPDATE t SET n = nn + 1 WHERE id = ?", "n", "nn + 1",
     false},
    {"function_named_like_column", "UPDATE t SET lower = lower(?) WHERE id = ?",
     "lower", "lower(?)", false},
    {"qualified_target", "UPDATE t SET t.n = t.n + 1 WHERE id = ?", "n",
     "t.n + 1", true},
    {"quoted_same_case", "UPDATE t SET \"Count\" = \"Count\" + 1 WHERE id = ?",
     "Count", "\"Count\" + 1", true},
    {"quoted_other_case", "UPDATE t SET \"N\" = n + 1 WHERE id = ?", "N",
     "n + 1", false},
    {"lower_of_self", "UPDATE users SET name = lower(name) WHERE id = ?",
     "name", "lower(name)", true},
    {"string_is_not_column", "UPDATE t SET n = 'n' WHERE id = ?", "n", "'n'",
     false},
    {"subquery",
     "UPDATE o SET total = (SELECT SUM(x) FROM items WHERE "
     "items.o = o.id) WHERE id = ?",
     "total", "(SELECT SUM(x) FROM items WHERE items.o = o.id)", false},
    {"hole_value", "UPDATE t SET n = ~ WHERE id = ?", "n", "\x01", false},
    {"case_expression",
     "UPDATE t SET n = CASE WHEN n > 0 THEN n - 1 ELSE 0 END WHERE id = ?", "n",
     "CASE WHEN n > 0 THEN n - 1 ELSE 0 END", true},
};

class AssignmentTest : public testing::TestWithParam<AssignCase> {};

TEST_P(AssignmentTest, Assignment) {
  const AssignCase &C = GetParam();
  StatementFacts F = one(C.Sql);
  EXPECT_EQ(F.Kind, StatementKind::Update);
  ASSERT_EQ(F.Assignments.size(), 1u);
  EXPECT_EQ(F.Assignments[0].Column, C.Column);
  EXPECT_EQ(F.Assignments[0].Value, C.Value);
  EXPECT_EQ(F.Assignments[0].SelfRelative, C.SelfRelative);
  EXPECT_EQ(F.KeyColumns, (Strings{"id"}));
}

INSTANTIATE_TEST_SUITE_P(Values, AssignmentTest, testing::ValuesIn(AssignCases),
                         [](const testing::TestParamInfo<AssignCase> &I) {
                           return std::string(I.param.Name);
                         });

//===-- UPDATE statements, for every dialect
//---------------------------------===//

class UpdateDialectTest : public testing::TestWithParam<Dialect> {};

TEST_P(UpdateDialectTest, Facts) {
  Dialect D = GetParam();
  StatementFacts F = one("UPDATE accounts SET balance = balance - $P1, "
                         "updated = $P2 WHERE id = $P3 AND version = $P4",
                         D);
  EXPECT_EQ(F.Kind, StatementKind::Update);
  EXPECT_EQ(F.Table, "accounts");
  EXPECT_EQ(F.TablesWritten, (Strings{"accounts"}));
  EXPECT_TRUE(F.TablesRead.empty());
  EXPECT_EQ(F.KeyColumns, (Strings{"id", "version"}));
  ASSERT_EQ(F.Assignments.size(), 2u);
  EXPECT_EQ(F.Assignments[0].Column, "balance");
  EXPECT_EQ(F.Assignments[0].Value, "balance - " + param(D, 1));
  EXPECT_TRUE(F.Assignments[0].SelfRelative);
  EXPECT_EQ(F.Assignments[1].Column, "updated");
  EXPECT_EQ(F.Assignments[1].Value, param(D, 2));
  EXPECT_FALSE(F.Assignments[1].SelfRelative);
  EXPECT_FALSE(F.Returning);
  EXPECT_EQ(F.Problem, "");
}

INSTANTIATE_TEST_SUITE_P(AllDialects, UpdateDialectTest,
                         testing::ValuesIn(AllDialects),
                         [](const testing::TestParamInfo<Dialect> &I) {
                           return dialectLabel(I.param);
                         });

TEST(Update, TupleAssignment) {
  StatementFacts F = one("UPDATE t SET (a, b) = (a + 1, $1) WHERE id = $2",
                         Dialect::PostgreSQL);
  ASSERT_EQ(F.Assignments.size(), 2u);
  EXPECT_EQ(F.Assignments[0].Column, "a");
  EXPECT_EQ(F.Assignments[0].Value, "a + 1");
  EXPECT_TRUE(F.Assignments[0].SelfRelative);
  EXPECT_EQ(F.Assignments[1].Column, "b");
  EXPECT_EQ(F.Assignments[1].Value, "$1");
  EXPECT_FALSE(F.Assignments[1].SelfRelative);
}

TEST(Update, Returning) {
  StatementFacts F = one("UPDATE t SET n = n + 1 WHERE id = $1 RETURNING n",
                         Dialect::PostgreSQL);
  EXPECT_TRUE(F.Returning);
  EXPECT_EQ(F.KeyColumns, (Strings{"id"}));
}

TEST(Update, OutputClause) {
  StatementFacts F =
      one("UPDATE t SET n = n + 1 OUTPUT inserted.n WHERE id = @id",
          Dialect::SQLServer);
  EXPECT_TRUE(F.Returning);
  ASSERT_EQ(F.Assignments.size(), 1u);
  EXPECT_EQ(F.Assignments[0].Value, "n + 1");
  EXPECT_EQ(F.KeyColumns, (Strings{"id"}));
}

TEST(Update, HintsAndTop) {
  StatementFacts F = one("UPDATE TOP (1) dbo.Jobs WITH (ROWLOCK, READPAST) SET "
                         "state = 1 WHERE state = 0",
                         Dialect::SQLServer);
  EXPECT_EQ(F.Table, "dbo.jobs");
  EXPECT_EQ(F.TableHints, (Strings{"ROWLOCK", "READPAST"}));
  EXPECT_EQ(F.KeyColumns, (Strings{"state"}));
}

TEST(Update, TSqlAliasTarget) {
  StatementFacts F = one("UPDATE u SET u.n = u.n + 1 FROM dbo.Users u WITH "
                         "(UPDLOCK) JOIN Orgs o ON o.Id = u.OrgId WHERE u.Id = "
                         "@id",
                         Dialect::SQLServer);
  EXPECT_EQ(F.Table, "dbo.users");
  EXPECT_EQ(F.TablesWritten, (Strings{"dbo.users"}));
  EXPECT_EQ(F.TableHints, (Strings{"UPDLOCK"}));
  EXPECT_EQ(F.TablesRead, (Strings{"dbo.users", "orgs"}));
  ASSERT_EQ(F.Assignments.size(), 1u);
  EXPECT_TRUE(F.Assignments[0].SelfRelative);
  EXPECT_EQ(F.KeyColumns, (Strings{"id"}));
}

TEST(Update, PostgresFromList) {
  StatementFacts F = one("UPDATE t SET n = s.n FROM src s WHERE s.id = t.id "
                         "AND t.id = $1",
                         Dialect::PostgreSQL);
  EXPECT_EQ(F.Table, "t");
  EXPECT_EQ(F.TablesRead, (Strings{"src"}));
  EXPECT_EQ(F.KeyColumns, (Strings{"id"}));
}

TEST(Update, MySqlMultiTable) {
  StatementFacts F = one("UPDATE a JOIN b ON a.id = b.aid SET a.n = a.n + 1 "
                         "WHERE b.k = ?",
                         Dialect::MySQL);
  EXPECT_EQ(F.Table, "a");
  EXPECT_EQ(F.TablesRead, (Strings{"b"}));
  EXPECT_EQ(F.KeyColumns, (Strings{"k"}));
  ASSERT_EQ(F.Assignments.size(), 1u);
  EXPECT_EQ(F.Assignments[0].Column, "n");
}

TEST(Update, MySqlOrderLimit) {
  StatementFacts F =
      one("UPDATE LOW_PRIORITY IGNORE jobs SET state = 1 WHERE state = 0 ORDER "
          "BY id LIMIT 1",
          Dialect::MySQL);
  EXPECT_EQ(F.Table, "jobs");
  EXPECT_EQ(F.KeyColumns, (Strings{"state"}));
}

TEST(Update, SqliteOrIgnore) {
  StatementFacts F =
      one("UPDATE OR IGNORE t SET k = ? WHERE id = ?", Dialect::SQLite);
  EXPECT_EQ(F.Table, "t");
  EXPECT_EQ(F.Assignments.size(), 1u);
}

TEST(Update, SubqueryInWhereIsRead) {
  StatementFacts F = one("UPDATE t SET n = 0 WHERE id IN (SELECT tid FROM "
                         "expired)");
  EXPECT_EQ(F.TablesRead, (Strings{"expired"}));
  EXPECT_EQ(F.KeyColumns, (Strings{"id"}));
}

TEST(Update, HoleInSetList) {
  StatementFacts F = one("UPDATE t SET ~ WHERE id = ?");
  EXPECT_EQ(F.Kind, StatementKind::Update);
  EXPECT_TRUE(F.Assignments.empty());
  EXPECT_TRUE(F.HasHoles);
  EXPECT_EQ(F.KeyColumns, (Strings{"id"}));
}

TEST(Update, ValueColumn) {
  StatementFacts F = one("UPDATE kv SET value = value || ? WHERE key = ?");
  ASSERT_EQ(F.Assignments.size(), 1u);
  EXPECT_EQ(F.Assignments[0].Column, "value");
  EXPECT_TRUE(F.Assignments[0].SelfRelative);
  EXPECT_EQ(F.KeyColumns, (Strings{"key"}));
}

TEST(Update, MissingSetIsAProblem) {
  StatementFacts F = one("UPDATE t WHERE id = ?");
  EXPECT_EQ(F.Kind, StatementKind::Update);
  EXPECT_EQ(F.Table, "t");
  EXPECT_NE(F.Problem, "");
}

TEST(Update, NoWhere) {
  StatementFacts F = one("UPDATE t SET n = 0");
  EXPECT_TRUE(F.KeyColumns.empty());
  EXPECT_EQ(F.Assignments.size(), 1u);
}

//===-- DELETE
//-----------------------------------------------------------------===//

TEST(Delete, Basic) {
  StatementFacts F =
      one("DELETE FROM sessions WHERE token = $1", Dialect::PostgreSQL);
  EXPECT_EQ(F.Kind, StatementKind::Delete);
  EXPECT_EQ(F.Table, "sessions");
  EXPECT_EQ(F.TablesWritten, (Strings{"sessions"}));
  EXPECT_TRUE(F.TablesRead.empty());
  EXPECT_EQ(F.KeyColumns, (Strings{"token"}));
  EXPECT_FALSE(F.Returning);
}

TEST(Delete, ReturningAndAlias) {
  StatementFacts F = one("DELETE FROM jobs AS j WHERE j.id = $1 RETURNING j.*",
                         Dialect::PostgreSQL);
  EXPECT_EQ(F.Table, "jobs");
  EXPECT_EQ(F.KeyColumns, (Strings{"id"}));
  EXPECT_TRUE(F.Returning);
}

TEST(Delete, Using) {
  StatementFacts F = one("DELETE FROM a USING b, c WHERE a.id = b.aid AND b.k "
                         "= $1",
                         Dialect::PostgreSQL);
  EXPECT_EQ(F.Table, "a");
  EXPECT_EQ(F.TablesRead, (Strings{"b", "c"}));
  EXPECT_EQ(F.KeyColumns, (Strings{"k"}));
}

TEST(Delete, TSqlTopOutput) {
  StatementFacts F =
      one("DELETE TOP (10) FROM dbo.Queue WITH (READPAST) OUTPUT "
          "deleted.Id WHERE State = @s",
          Dialect::SQLServer);
  EXPECT_EQ(F.Table, "dbo.queue");
  EXPECT_EQ(F.TableHints, (Strings{"READPAST"}));
  EXPECT_TRUE(F.Returning);
  EXPECT_EQ(F.KeyColumns, (Strings{"state"}));
}

TEST(Delete, TSqlAliasTarget) {
  StatementFacts F = one("DELETE q FROM Queue q JOIN Done d ON d.Id = q.Id "
                         "WHERE q.Owner = @o",
                         Dialect::SQLServer);
  EXPECT_EQ(F.Table, "queue");
  EXPECT_EQ(F.TablesWritten, (Strings{"queue"}));
  EXPECT_EQ(F.TablesRead, (Strings{"queue", "done"}));
  EXPECT_EQ(F.KeyColumns, (Strings{"owner"}));
}

TEST(Delete, MySqlModifiersAndLimit) {
  StatementFacts F = one("DELETE LOW_PRIORITY QUICK FROM t WHERE k = ? LIMIT 1",
                         Dialect::MySQL);
  EXPECT_EQ(F.Table, "t");
  EXPECT_EQ(F.KeyColumns, (Strings{"k"}));
}

TEST(Delete, MissingTableIsAProblem) {
  StatementFacts F = one("DELETE FROM WHERE id = 1");
  EXPECT_EQ(F.Kind, StatementKind::Delete);
  EXPECT_EQ(F.Table, "");
  EXPECT_NE(F.Problem, "");
}

//===-- MERGE
//------------------------------------------------------------------===//

TEST(Merge, TSqlHoldLock) {
  StatementFacts F =
      one("MERGE INTO dbo.Users WITH (HOLDLOCK) AS tgt USING (SELECT @email AS "
          "Email) AS src ON tgt.Email = src.Email WHEN NOT MATCHED THEN INSERT "
          "(Email) VALUES (src.Email);",
          Dialect::SQLServer);
  EXPECT_EQ(F.Kind, StatementKind::Merge);
  EXPECT_EQ(F.Atomic, AtomicInsert::Merge);
  EXPECT_EQ(F.Table, "dbo.users");
  EXPECT_EQ(F.TablesWritten, (Strings{"dbo.users"}));
  EXPECT_TRUE(F.TablesRead.empty());
  EXPECT_EQ(F.KeyColumns, (Strings{"email"}));
  EXPECT_TRUE(F.MergeHoldLock);
  EXPECT_EQ(F.TableHints, (Strings{"HOLDLOCK"}));
  EXPECT_FALSE(F.Returning);
}

TEST(Merge, SerializableHintAfterAlias) {
  StatementFacts F = one("MERGE Users AS t WITH (SERIALIZABLE) USING src AS s "
                         "ON t.Id = s.Id AND t.Org = @org WHEN MATCHED THEN "
                         "UPDATE SET t.N = s.N OUTPUT inserted.Id;",
                         Dialect::SQLServer);
  EXPECT_TRUE(F.MergeHoldLock);
  EXPECT_EQ(F.TablesRead, (Strings{"src"}));
  EXPECT_EQ(F.KeyColumns, (Strings{"id", "org"}));
  EXPECT_TRUE(F.Returning);
}

TEST(Merge, WithoutHoldLock) {
  StatementFacts F =
      one("MERGE INTO users u USING (VALUES ($1)) AS s(email) ON "
          "u.email = s.email WHEN NOT MATCHED THEN INSERT "
          "(email) VALUES (s.email)",
          Dialect::PostgreSQL);
  EXPECT_EQ(F.Atomic, AtomicInsert::Merge);
  EXPECT_FALSE(F.MergeHoldLock);
  EXPECT_TRUE(F.TableHints.empty());
  EXPECT_EQ(F.KeyColumns, (Strings{"email"}));
  EXPECT_EQ(F.Table, "users");
}

TEST(Merge, ValueInOnCondition) {
  StatementFacts F = one("MERGE INTO t USING s ON (t.k = s.k AND t.kind = 'a') "
                         "WHEN MATCHED THEN DELETE");
  EXPECT_EQ(F.KeyColumns, (Strings{"k", "kind"}));
}

TEST(Merge, MissingUsingIsAProblem) {
  StatementFacts F = one("MERGE INTO t WHEN MATCHED THEN DELETE");
  EXPECT_EQ(F.Kind, StatementKind::Merge);
  EXPECT_EQ(F.Table, "t");
  EXPECT_NE(F.Problem, "");
}

} // namespace
} // namespace sqlrace::sql::test
