//===- SelectTest.cpp - sqlrace -------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// SELECT: existence forms, primary table, key columns, LIMIT 1 spellings,
// locking clauses and table hints.
//===----------------------------------------------------------------------===//

#include "TestUtil.h"

namespace sqlrace::sql::test {
namespace {

using test::operator<<;

//===-- Existence forms, for every dialect --------------------------------===//

struct ExistenceCase {
  const char *Name;
  const char *Sql; ///< $P1.. become the dialect's parameters
  const char *Table;
  Strings Keys;
  ExistenceForm Form;
  bool LimitOne = false;
};

const ExistenceCase ExistenceCases[] = {
    {"constant_one",
     "SELECT 1 FROM users WHERE email = $P1",
     "users",
     {"email"},
     ExistenceForm::Constant},
    {"constant_string",
     "SELECT 'x' FROM users WHERE email = $P1",
     "users",
     {"email"},
     ExistenceForm::Constant},
    {"constant_null",
     "SELECT NULL FROM users WHERE email = $P1",
     "users",
     {"email"},
     ExistenceForm::Constant},
    {"constant_true",
     "SELECT TRUE FROM users WHERE email = $P1 AND tenant = $P2",
     "users",
     {"email", "tenant"},
     ExistenceForm::Constant},
    {"constant_alias",
     "SELECT 1 AS found FROM users WHERE email = $P1",
     "users",
     {"email"},
     ExistenceForm::Constant},
    {"columns_one",
     "SELECT id FROM users WHERE email = $P1",
     "users",
     {"email"},
     ExistenceForm::Columns},
    {"columns_many",
     "SELECT id, name FROM users WHERE email = $P1",
     "users",
     {"email"},
     ExistenceForm::Columns},
    {"columns_star",
     "SELECT * FROM users WHERE email = $P1",
     "users",
     {"email"},
     ExistenceForm::Columns},
    {"columns_qualified",
     "SELECT u.id FROM users u WHERE u.email = $P1",
     "users",
     {"email"},
     ExistenceForm::Columns},
    {"count_star",
     "SELECT COUNT(*) FROM users WHERE email = $P1",
     "users",
     {"email"},
     ExistenceForm::Count},
    {"count_column",
     "SELECT count(id) FROM users WHERE email = $P1",
     "users",
     {"email"},
     ExistenceForm::Count},
    {"count_compared",
     "SELECT COUNT(*) > 0 FROM users WHERE email = $P1",
     "users",
     {"email"},
     ExistenceForm::Count},
    {"count_alias",
     "SELECT COUNT(1) AS n FROM users WHERE email = $P1",
     "users",
     {"email"},
     ExistenceForm::Count},
    {"exists",
     "SELECT EXISTS (SELECT 1 FROM users WHERE email = $P1)",
     "users",
     {"email"},
     ExistenceForm::Exists},
    {"exists_alias",
     "SELECT EXISTS(SELECT id FROM users WHERE email = $P1 AND org = $P2) AS f",
     "users",
     {"email", "org"},
     ExistenceForm::Exists},
    {"case_when_exists",
     "SELECT CASE WHEN EXISTS (SELECT 1 FROM users WHERE email = $P1) THEN 1 "
     "ELSE 0 END",
     "users",
     {"email"},
     ExistenceForm::Exists},
    {"exists_without_key",
     "SELECT EXISTS (SELECT 1 FROM users)",
     "users",
     {},
     ExistenceForm::None},
    {"value_on_left",
     "SELECT 1 FROM users WHERE $P1 = email",
     "users",
     {"email"},
     ExistenceForm::Constant},
    {"in_list",
     "SELECT 1 FROM users WHERE id IN ($P1, $P2)",
     "users",
     {"id"},
     ExistenceForm::Constant},
    {"function_key",
     "SELECT 1 FROM users WHERE lower(email) = lower($P1)",
     "users",
     {"lower(email)"},
     ExistenceForm::Constant},
    {"or_fixes_nothing",
     "SELECT 1 FROM users WHERE email = $P1 OR name = $P2",
     "users",
     {},
     ExistenceForm::None},
    {"no_where", "SELECT id FROM users", "users", {}, ExistenceForm::None},
    {"range_only",
     "SELECT 1 FROM users WHERE age > $P1",
     "users",
     {},
     ExistenceForm::None},
    {"not_skipped",
     "SELECT 1 FROM users WHERE email = $P1 AND NOT (name = $P2)",
     "users",
     {"email"},
     ExistenceForm::Constant},
    {"wrapped_and",
     "SELECT 1 FROM users WHERE (email = $P1 AND tenant = $P2)",
     "users",
     {"email", "tenant"},
     ExistenceForm::Constant},
    {"nested_or_skipped",
     "SELECT 1 FROM users WHERE email = $P1 AND (a = $P2 OR b = $P3)",
     "users",
     {"email"},
     ExistenceForm::Constant},
    {"between_and",
     "SELECT 1 FROM users WHERE created BETWEEN $P1 AND $P2 AND email = $P3",
     "users",
     {"email"},
     ExistenceForm::Constant},
    {"literal_value",
     "SELECT 1 FROM users WHERE status = 'active' AND email = $P1",
     "users",
     {"email", "status"},
     ExistenceForm::Constant},
    {"join_condition_is_no_key",
     "SELECT 1 FROM users u JOIN orgs o ON o.id = u.org WHERE u.email = $P1 "
     "AND o.id = u.org",
     "users",
     {"email"},
     ExistenceForm::Constant},
    {"aggregate_is_no_check",
     "SELECT MAX(id) FROM users WHERE email = $P1",
     "users",
     {"email"},
     ExistenceForm::None},
    {"limit_one",
     "SELECT id FROM users WHERE email = $P1 LIMIT 1",
     "users",
     {"email"},
     ExistenceForm::Columns,
     true},
    {"duplicate_key",
     "SELECT 1 FROM users WHERE email = $P1 AND email = $P2",
     "users",
     {"email"},
     ExistenceForm::Constant},
    {"sorted_keys",
     "SELECT 1 FROM users WHERE z = $P1 AND a = $P2",
     "users",
     {"a", "z"},
     ExistenceForm::Constant},
    {"schema_kept",
     "SELECT 1 FROM app.users WHERE email = $P1",
     "app.users",
     {"email"},
     ExistenceForm::Constant},
    {"scalar_subquery_value",
     "SELECT 1 FROM users WHERE org = (SELECT id FROM orgs WHERE name = $P1) "
     "AND email = $P2",
     "users",
     {"email", "org"},
     ExistenceForm::Constant},
};

class ExistenceTest
    : public testing::TestWithParam<std::tuple<ExistenceCase, Dialect>> {};

TEST_P(ExistenceTest, Facts) {
  const auto &[C, D] = GetParam();
  StatementFacts F = one(C.Sql, D);
  EXPECT_EQ(F.Kind, StatementKind::Select);
  EXPECT_EQ(F.Table, C.Table);
  EXPECT_EQ(F.KeyColumns, C.Keys);
  EXPECT_EQ(F.Existence, C.Form);
  EXPECT_EQ(F.LimitOne, C.LimitOne);
  EXPECT_EQ(F.Problem, "");
  EXPECT_FALSE(F.HasHoles);
}

INSTANTIATE_TEST_SUITE_P(
    AllDialects, ExistenceTest,
    testing::Combine(testing::ValuesIn(ExistenceCases),
                     testing::ValuesIn(AllDialects)),
    [](const testing::TestParamInfo<ExistenceTest::ParamType> &I) {
      return std::string(std::get<0>(I.param).Name) + "_" +
             dialectLabel(std::get<1>(I.param));
    });

//===-- Selected columns, tables read -------------------------------------===//

TEST(Select, SelectedColumnsAsWritten) {
  StatementFacts F =
      one("SELECT u.id, lower(name) AS n, 1 FROM users u WHERE id = ?");
  EXPECT_EQ(F.SelectedColumns, (Strings{"u.id", "lower(name) AS n", "1"}));
  EXPECT_EQ(F.Existence, ExistenceForm::Columns);
}

TEST(Select, TablesReadFromJoinsAndSubqueries) {
  StatementFacts F = one(
      "SELECT 1 FROM users u JOIN orgs o ON o.id = u.org LEFT JOIN teams t ON "
      "t.id = u.team WHERE u.id IN (SELECT user_id FROM members) AND u.email = "
      "?");
  EXPECT_EQ(F.Table, "users");
  EXPECT_EQ(F.TablesRead, (Strings{"users", "orgs", "teams", "members"}));
  EXPECT_TRUE(F.TablesWritten.empty());
  EXPECT_EQ(F.KeyColumns, (Strings{"email", "id"}));
}

TEST(Select, CommaJoinedTables) {
  StatementFacts F = one("SELECT 1 FROM a x, b AS y, c WHERE x.k = ?");
  EXPECT_EQ(F.TablesRead, (Strings{"a", "b", "c"}));
  EXPECT_EQ(F.Table, "a");
}

TEST(Select, WithClauseNamesAreNotTables) {
  StatementFacts F = one("WITH recent AS (SELECT * FROM orders WHERE ts > ?) "
                         "SELECT 1 FROM recent WHERE id = ?",
                         Dialect::PostgreSQL);
  EXPECT_EQ(F.Kind, StatementKind::Select);
  EXPECT_EQ(F.Table, "recent");
  EXPECT_EQ(F.TablesRead, (Strings{"orders"}));
  EXPECT_EQ(F.KeyColumns, (Strings{"id"}));
  EXPECT_EQ(F.Existence, ExistenceForm::Constant);
}

TEST(Select, RecursiveWithAndColumnList) {
  StatementFacts F =
      one("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) "
          "SELECT n FROM t");
  EXPECT_EQ(F.Kind, StatementKind::Select);
  EXPECT_TRUE(F.TablesRead.empty());
  EXPECT_EQ(F.Problem, "");
}

TEST(Select, FunctionFromIsNotATable) {
  StatementFacts F =
      one("SELECT EXTRACT(YEAR FROM created), TRIM(BOTH ' ' FROM "
          "name) FROM users WHERE id = $1",
          Dialect::PostgreSQL);
  EXPECT_EQ(F.TablesRead, (Strings{"users"}));
  EXPECT_EQ(F.Table, "users");
}

TEST(Select, IsDistinctFromIsNotAClause) {
  StatementFacts F =
      one("SELECT 1 FROM users WHERE email = $1 AND name IS DISTINCT FROM $2",
          Dialect::PostgreSQL);
  EXPECT_EQ(F.Table, "users");
  EXPECT_EQ(F.KeyColumns, (Strings{"email"}));
}

TEST(Select, UnionUsesTheFirstBranch) {
  StatementFacts F = one("SELECT 1 FROM a WHERE x = ? UNION SELECT 1 FROM b "
                         "WHERE y = ?");
  EXPECT_EQ(F.Table, "a");
  EXPECT_EQ(F.KeyColumns, (Strings{"x"}));
  EXPECT_EQ(F.TablesRead, (Strings{"a", "b"}));
}

TEST(Select, ParenthesisedQuery) {
  StatementFacts F = one("(SELECT 1 FROM users WHERE email = ?)");
  EXPECT_EQ(F.Kind, StatementKind::Select);
  EXPECT_EQ(F.Table, "users");
  EXPECT_EQ(F.Existence, ExistenceForm::Constant);
}

TEST(Select, QuotedNamesKeepCase) {
  StatementFacts F =
      one("SELECT 1 FROM \"App\".\"Users\" WHERE \"Email\" = $1 AND Name = $2",
          Dialect::PostgreSQL);
  EXPECT_EQ(F.Table, "App.Users");
  EXPECT_EQ(F.KeyColumns, (Strings{"Email", "name"}));
}

TEST(Select, BracketAndBacktickNames) {
  EXPECT_EQ(
      one("SELECT 1 FROM [dbo].[Users] WHERE [E-mail] = @e", Dialect::SQLServer)
          .KeyColumns,
      (Strings{"E-mail"}));
  EXPECT_EQ(
      one("SELECT 1 FROM `shop`.`Orders` WHERE `Id` = ?", Dialect::MySQL).Table,
      "shop.Orders");
}

TEST(Select, CastsOnEitherSide) {
  StatementFacts F =
      one("SELECT 1 FROM users WHERE email::text = $1 AND id = $2::bigint",
          Dialect::PostgreSQL);
  EXPECT_EQ(F.KeyColumns, (Strings{"email", "id"}));
}

TEST(Select, CastFunctionValue) {
  StatementFacts F =
      one("SELECT 1 FROM users WHERE id = CAST(? AS INTEGER) AND d = DATE "
          "'2024-01-01'");
  EXPECT_EQ(F.KeyColumns, (Strings{"d", "id"}));
}

TEST(Select, NotInIsNoKey) {
  StatementFacts F = one("SELECT 1 FROM users WHERE id NOT IN (?, ?)");
  EXPECT_TRUE(F.KeyColumns.empty());
  EXPECT_EQ(F.Existence, ExistenceForm::None);
}

TEST(Select, InSubqueryIsAKey) {
  StatementFacts F =
      one("SELECT 1 FROM users WHERE org IN (SELECT id FROM orgs WHERE x = ?)");
  EXPECT_EQ(F.KeyColumns, (Strings{"org"}));
  EXPECT_EQ(F.TablesRead, (Strings{"users", "orgs"}));
}

TEST(Select, ColumnToColumnIsNoKey) {
  EXPECT_TRUE(one("SELECT 1 FROM a WHERE a.x = a.y").KeyColumns.empty());
}

TEST(Select, NestedFunctionKey) {
  EXPECT_EQ(one("SELECT 1 FROM users WHERE lower(trim(email)) = ?").KeyColumns,
            (Strings{"lower(trim(email))"}));
}

TEST(Select, DualIsNoTable) {
  StatementFacts F = one("SELECT 1 FROM dual WHERE 1 = ?", Dialect::MySQL);
  EXPECT_EQ(F.Table, "");
  EXPECT_TRUE(F.TablesRead.empty());
}

TEST(Select, NoFromAtAll) {
  StatementFacts F = one("SELECT 1");
  EXPECT_EQ(F.Kind, StatementKind::Select);
  EXPECT_EQ(F.Table, "");
  EXPECT_EQ(F.SelectedColumns, (Strings{"1"}));
  EXPECT_EQ(F.Existence, ExistenceForm::None);
}

TEST(Select, NullSafeAndDoubleEquals) {
  EXPECT_EQ(one("SELECT 1 FROM t WHERE a <=> ?", Dialect::MySQL).KeyColumns,
            (Strings{"a"}));
  EXPECT_EQ(one("SELECT 1 FROM t WHERE a == ?", Dialect::SQLite).KeyColumns,
            (Strings{"a"}));
}

TEST(Select, NamedPlaceholders) {
  EXPECT_EQ(one("SELECT 1 FROM t WHERE a = :a AND b = @b AND c = $c AND d = "
                "%s AND e = {} AND f = %1 AND g = {0} AND h = {:s}")
                .KeyColumns,
            (Strings{"a", "b", "c", "d", "e", "f", "g", "h"}));
}

TEST(Select, WhereExistsWithoutFrom) {
  StatementFacts F = one("SELECT 1 WHERE EXISTS (SELECT 1 FROM users WHERE "
                         "email = $1)",
                         Dialect::PostgreSQL);
  EXPECT_EQ(F.Existence, ExistenceForm::Exists);
  EXPECT_EQ(F.Table, "users");
  EXPECT_EQ(F.KeyColumns, (Strings{"email"}));
  StatementFacts G = one("SELECT 1 FROM dual WHERE NOT EXISTS (SELECT 1 FROM "
                         "users WHERE email = ?)",
                         Dialect::MySQL);
  EXPECT_EQ(G.Existence, ExistenceForm::Exists);
  EXPECT_EQ(G.Table, "users");
}

TEST(Select, KeywordLikeColumnNames) {
  StatementFacts F = one("SELECT value FROM kv WHERE key = ? AND user = ? AND "
                         "output = ? AND offset = ?",
                         Dialect::MySQL);
  EXPECT_EQ(F.KeyColumns, (Strings{"key", "offset", "output", "user"}));
  EXPECT_EQ(F.Existence, ExistenceForm::Columns);
}

TEST(Select, IntervalUnitIsNoColumn) {
  StatementFacts F = one("SELECT 1 FROM t WHERE k = ? AND d = NOW() - INTERVAL "
                         "? DAY",
                         Dialect::MySQL);
  EXPECT_EQ(F.KeyColumns, (Strings{"d", "k"}));
}

TEST(Select, RowValueEquality) {
  EXPECT_EQ(one("SELECT 1 FROM t WHERE (a, b) = ($1, $2)", Dialect::PostgreSQL)
                .KeyColumns,
            (Strings{"a", "b"}));
  EXPECT_TRUE(
      one("SELECT 1 FROM t WHERE (a, b) = ($1, $2, $3)", Dialect::PostgreSQL)
          .KeyColumns.empty());
}

TEST(Select, AnyArrayIsAKey) {
  EXPECT_EQ(
      one("SELECT 1 FROM t WHERE id = ANY($1)", Dialect::PostgreSQL).KeyColumns,
      (Strings{"id"}));
}

//===-- LIMIT 1 spellings
//---------------------------------------------------===//

struct LimitCase {
  const char *Name;
  const char *Sql;
  Dialect D;
  bool LimitOne;
};

const LimitCase LimitCases[] = {
    {"limit_1", "SELECT id FROM t WHERE a = ? LIMIT 1", Dialect::MySQL, true},
    {"limit_1_offset", "SELECT id FROM t WHERE a = $1 LIMIT 1 OFFSET 5",
     Dialect::PostgreSQL, true},
    {"limit_offset_count", "SELECT id FROM t WHERE a = ? LIMIT 10, 1",
     Dialect::MySQL, true},
    {"limit_10", "SELECT id FROM t WHERE a = ? LIMIT 10", Dialect::SQLite,
     false},
    {"limit_param", "SELECT id FROM t WHERE a = ? LIMIT ?", Dialect::SQLite,
     false},
    {"top_1", "SELECT TOP 1 id FROM t WHERE a = @a", Dialect::SQLServer, true},
    {"top_paren_1", "SELECT TOP (1) id FROM t WHERE a = @a", Dialect::SQLServer,
     true},
    {"top_10", "SELECT TOP 10 id FROM t WHERE a = @a", Dialect::SQLServer,
     false},
    {"top_1_percent", "SELECT TOP 1 PERCENT id FROM t", Dialect::SQLServer,
     false},
    {"fetch_first_1_row",
     "SELECT id FROM t WHERE a = $1 FETCH FIRST 1 ROW ONLY",
     Dialect::PostgreSQL, true},
    {"fetch_first_1_rows",
     "SELECT id FROM t WHERE a = $1 FETCH FIRST 1 ROWS ONLY",
     Dialect::PostgreSQL, true},
    {"fetch_first_row", "SELECT id FROM t FETCH FIRST ROW ONLY",
     Dialect::PostgreSQL, true},
    {"fetch_next_5",
     "SELECT id FROM t ORDER BY id OFFSET 0 ROWS FETCH NEXT 5 "
     "ROWS ONLY",
     Dialect::SQLServer, false},
    {"limit_with_lock", "SELECT id FROM t WHERE a = $1 LIMIT 1 FOR UPDATE",
     Dialect::PostgreSQL, true},
};

class LimitTest : public testing::TestWithParam<LimitCase> {};

TEST_P(LimitTest, LimitOne) {
  EXPECT_EQ(one(GetParam().Sql, GetParam().D).LimitOne, GetParam().LimitOne);
}

INSTANTIATE_TEST_SUITE_P(Spellings, LimitTest, testing::ValuesIn(LimitCases),
                         [](const testing::TestParamInfo<LimitCase> &I) {
                           return std::string(I.param.Name);
                         });

//===-- Locking clauses
//------------------------------------------------------===//

struct LockCase {
  const char *Name;
  const char *Sql;
  Dialect D;
  LockStrength Lock;
  bool NoWait, SkipLocked;
};

const LockCase LockCases[] = {
    {"for_update", "SELECT id FROM t WHERE k = $1 FOR UPDATE",
     Dialect::PostgreSQL, LockStrength::ForUpdate, false, false},
    {"for_no_key_update", "SELECT id FROM t WHERE k = $1 FOR NO KEY UPDATE",
     Dialect::PostgreSQL, LockStrength::ForNoKeyUpdate, false, false},
    {"for_share", "SELECT id FROM t WHERE k = $1 FOR SHARE",
     Dialect::PostgreSQL, LockStrength::ForShare, false, false},
    {"for_key_share", "SELECT id FROM t WHERE k = $1 FOR KEY SHARE",
     Dialect::PostgreSQL, LockStrength::ForKeyShare, false, false},
    {"lock_in_share_mode", "SELECT id FROM t WHERE k = ? LOCK IN SHARE MODE",
     Dialect::MySQL, LockStrength::ForShare, false, false},
    {"nowait", "SELECT id FROM t WHERE k = ? FOR UPDATE NOWAIT", Dialect::MySQL,
     LockStrength::ForUpdate, true, false},
    {"skip_locked", "SELECT id FROM t WHERE k = $1 FOR UPDATE SKIP LOCKED",
     Dialect::PostgreSQL, LockStrength::ForUpdate, false, true},
    {"of_table_nowait",
     "SELECT id FROM t JOIN u ON u.id = t.u WHERE t.k = $1 "
     "FOR UPDATE OF t NOWAIT",
     Dialect::PostgreSQL, LockStrength::ForUpdate, true, false},
    {"lowercase", "select id from t where k = ? for update", Dialect::Unknown,
     LockStrength::ForUpdate, false, false},
    {"none", "SELECT id FROM t WHERE k = ?", Dialect::Unknown,
     LockStrength::None, false, false},
    {"for_xml_is_no_lock", "SELECT id FROM t WHERE k = @k FOR XML PATH",
     Dialect::SQLServer, LockStrength::None, false, false},
};

class LockingClauseTest : public testing::TestWithParam<LockCase> {};

TEST_P(LockingClauseTest, Strength) {
  const LockCase &C = GetParam();
  StatementFacts F = one(C.Sql, C.D);
  EXPECT_EQ(F.Lock, C.Lock);
  EXPECT_EQ(F.LockNoWait, C.NoWait);
  EXPECT_EQ(F.LockSkipLocked, C.SkipLocked);
  EXPECT_EQ(F.KeyColumns, (Strings{"k"}));
  EXPECT_EQ(F.Table, "t");
}

INSTANTIATE_TEST_SUITE_P(Clauses, LockingClauseTest,
                         testing::ValuesIn(LockCases),
                         [](const testing::TestParamInfo<LockCase> &I) {
                           return std::string(I.param.Name);
                         });

//===-- Table hints
//----------------------------------------------------------===//

TEST(TableHints, UpdlockHoldlock) {
  StatementFacts F = one("SELECT 1 FROM dbo.Users WITH (UPDLOCK, HOLDLOCK) "
                         "WHERE Email = @e",
                         Dialect::SQLServer);
  EXPECT_EQ(F.TableHints, (Strings{"UPDLOCK", "HOLDLOCK"}));
  EXPECT_EQ(F.Table, "dbo.users");
  EXPECT_EQ(F.KeyColumns, (Strings{"email"}));
  EXPECT_EQ(F.Lock, LockStrength::None);
}

TEST(TableHints, AfterAliasAndLowerCase) {
  StatementFacts F = one("SELECT id FROM Users AS u with(rowlock, updlock, "
                         "serializable) WHERE u.Id = @id",
                         Dialect::SQLServer);
  EXPECT_EQ(F.TableHints, (Strings{"ROWLOCK", "UPDLOCK", "SERIALIZABLE"}));
  EXPECT_EQ(F.Existence, ExistenceForm::Columns);
}

TEST(TableHints, OldSpellingWithoutWith) {
  StatementFacts F =
      one("SELECT id FROM Users (NOLOCK) WHERE Id = @id", Dialect::SQLServer);
  EXPECT_EQ(F.TableHints, (Strings{"NOLOCK"}));
  EXPECT_EQ(F.Table, "users");
}

TEST(TableHints, InsideExists) {
  StatementFacts F = one("SELECT EXISTS (SELECT 1 FROM t WITH (UPDLOCK) WHERE "
                         "k = @k)",
                         Dialect::SQLServer);
  EXPECT_EQ(F.Existence, ExistenceForm::Exists);
  EXPECT_EQ(F.TableHints, (Strings{"UPDLOCK"}));
}

TEST(TableHints, MySqlIndexHintsAreSkipped) {
  StatementFacts F =
      one("SELECT id FROM users USE INDEX (ix_email) WHERE email "
          "= ? FOR UPDATE",
          Dialect::MySQL);
  EXPECT_EQ(F.Table, "users");
  EXPECT_TRUE(F.TableHints.empty());
  EXPECT_EQ(F.Lock, LockStrength::ForUpdate);
  EXPECT_EQ(F.KeyColumns, (Strings{"email"}));
}

} // namespace
} // namespace sqlrace::sql::test
