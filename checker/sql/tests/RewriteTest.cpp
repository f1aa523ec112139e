//===- RewriteTest.cpp - sqlrace ------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// rewriteAsAtomicInsert: exact output per dialect, and the refusals.
//===----------------------------------------------------------------------===//

#include "TestUtil.h"

namespace sqlrace::sql::test {
namespace {

using test::operator<<;

struct RewriteCase {
  const char *Name;
  const char *Sql;
  Strings Keys;
  Dialect D;
  const char *Expected; ///< "" = must refuse
};

const RewriteCase RewriteCases[] = {
    {"pg_basic",
     "INSERT INTO users(email, name) VALUES ($1, $2)",
     {"email"},
     Dialect::PostgreSQL,
     "INSERT INTO users(email, name) VALUES ($1, $2) ON CONFLICT (email) DO "
     "NOTHING"},
    {"pg_two_keys",
     "insert into members (org, usr) values ($1, $2)",
     {"org", "usr"},
     Dialect::PostgreSQL,
     "insert into members (org, usr) values ($1, $2) ON CONFLICT (org, usr) "
     "DO NOTHING"},
    {"pg_trailing_semicolon",
     "INSERT INTO t (k) VALUES ($1);  \n",
     {"k"},
     Dialect::PostgreSQL,
     "INSERT INTO t (k) VALUES ($1) ON CONFLICT (k) DO "
     "NOTHING"},
    {"pg_trailing_comment",
     "INSERT INTO t (k) VALUES ($1) -- add it",
     {"k"},
     Dialect::PostgreSQL,
     "INSERT INTO t (k) VALUES ($1) ON CONFLICT (k) DO "
     "NOTHING"},
    {"pg_returning",
     "INSERT INTO t (k) VALUES ($1) RETURNING id",
     {"k"},
     Dialect::PostgreSQL,
     "INSERT INTO t (k) VALUES ($1) ON CONFLICT (k) DO NOTHING RETURNING id"},
    {"pg_returning_newline",
     "INSERT INTO t (k)\n  VALUES ($1)\n  RETURNING id;",
     {"k"},
     Dialect::PostgreSQL,
     "INSERT INTO t (k)\n  VALUES ($1) ON CONFLICT (k) DO NOTHING RETURNING "
     "id"},
    {"pg_no_keys",
     "INSERT INTO t (k) VALUES ($1)",
     {},
     Dialect::PostgreSQL,
     "INSERT INTO t (k) VALUES ($1) ON CONFLICT DO NOTHING"},
    {"pg_expression_key",
     "INSERT INTO users (email) VALUES ($1)",
     {"lower(email)"},
     Dialect::PostgreSQL,
     "INSERT INTO users (email) VALUES ($1) ON CONFLICT (lower(email)) DO "
     "NOTHING"},
    {"pg_quoted_key",
     "INSERT INTO \"Users\" (\"Email\") VALUES ($1)",
     {"Email"},
     Dialect::PostgreSQL,
     "INSERT INTO \"Users\" (\"Email\") VALUES ($1) ON CONFLICT (\"Email\") DO "
     "NOTHING"},
    {"pg_insert_select",
     "INSERT INTO t (k) SELECT k FROM staging",
     {"k"},
     Dialect::PostgreSQL,
     "INSERT INTO t (k) SELECT k FROM staging ON CONFLICT (k) DO NOTHING"},
    {"sqlite_basic",
     "INSERT INTO users(email) VALUES (?)",
     {"email"},
     Dialect::SQLite,
     "INSERT INTO users(email) VALUES (?) ON CONFLICT (email) DO NOTHING"},
    {"sqlite_select_from_needs_where",
     "INSERT INTO t (k) SELECT k FROM s",
     {"k"},
     Dialect::SQLite,
     "INSERT INTO t (k) SELECT k FROM s WHERE true ON CONFLICT (k) DO NOTHING"},
    {"sqlite_select_with_where",
     "INSERT INTO t (k) SELECT k FROM s WHERE x = ?",
     {"k"},
     Dialect::SQLite,
     "INSERT INTO t (k) SELECT k FROM s WHERE x = ? ON CONFLICT (k) DO "
     "NOTHING"},
    {"sqlite_returning",
     "INSERT INTO t (k) VALUES (:k) RETURNING rowid",
     {"k"},
     Dialect::SQLite,
     "INSERT INTO t (k) VALUES (:k) ON CONFLICT (k) DO NOTHING RETURNING "
     "rowid"},
    {"mysql_ignore",
     "INSERT INTO users (email) VALUES (?)",
     {"email"},
     Dialect::MySQL,
     "INSERT IGNORE INTO users (email) VALUES (?)"},
    {"mysql_lowercase",
     "insert into users (email) values (?);",
     {"email"},
     Dialect::MySQL,
     "insert IGNORE into users (email) values (?)"},
    {"mysql_low_priority",
     "INSERT LOW_PRIORITY INTO t (k) VALUES (?)",
     {"k"},
     Dialect::MySQL,
     "INSERT LOW_PRIORITY IGNORE INTO t (k) VALUES (?)"},
    {"mysql_no_into",
     "INSERT t (k) VALUES (?)",
     {"k"},
     Dialect::MySQL,
     "INSERT IGNORE t (k) VALUES (?)"},
    {"tsql_not_exists",
     "INSERT INTO users (email, name) VALUES (@e, @n)",
     {"email"},
     Dialect::SQLServer,
     "INSERT INTO users (email, name) SELECT @e, @n WHERE NOT EXISTS (SELECT 1 "
     "FROM users WITH (UPDLOCK, HOLDLOCK) WHERE email = @e)"},
    {"tsql_two_keys",
     "INSERT INTO dbo.Members ([Org], Usr) VALUES (@o, @u)",
     {"Org", "usr"},
     Dialect::SQLServer,
     "INSERT INTO dbo.Members ([Org], Usr) SELECT @o, @u WHERE NOT EXISTS "
     "(SELECT 1 FROM dbo.Members WITH (UPDLOCK, HOLDLOCK) WHERE [Org] = @o AND "
     "Usr = @u)"},
    {"tsql_output",
     "INSERT INTO t (k) OUTPUT inserted.id VALUES (@k)",
     {"k"},
     Dialect::SQLServer,
     "INSERT INTO t (k) OUTPUT inserted.id SELECT @k WHERE NOT EXISTS (SELECT "
     "1 FROM t WITH (UPDLOCK, HOLDLOCK) WHERE k = @k)"},
    {"tsql_no_column_list",
     "INSERT INTO t VALUES (@k)",
     {"k"},
     Dialect::SQLServer,
     ""},
    {"tsql_key_not_inserted",
     "INSERT INTO t (a) VALUES (@a)",
     {"b"},
     Dialect::SQLServer,
     ""},
    {"tsql_multi_row",
     "INSERT INTO t (k) VALUES (@a), (@b)",
     {"k"},
     Dialect::SQLServer,
     ""},
    {"tsql_no_keys",
     "INSERT INTO t (k) VALUES (@k)",
     {},
     Dialect::SQLServer,
     ""},
    {"pg_reserved_key",
     "INSERT INTO t (\"select\", \"order\") VALUES ($1, $2)",
     {"select", "order"},
     Dialect::PostgreSQL,
     "INSERT INTO t (\"select\", \"order\") VALUES ($1, $2) ON CONFLICT "
     "(\"select\", \"order\") DO NOTHING"},
    {"sqlite_reserved_key",
     "INSERT INTO t (\"group\") VALUES (?)",
     {"group"},
     Dialect::SQLite,
     "INSERT INTO t (\"group\") VALUES (?) ON CONFLICT (\"group\") DO "
     "NOTHING"},
    {"pg_paren_in_column_name",
     "INSERT INTO t (\"a(b\") VALUES ($1)",
     {"a(b"},
     Dialect::PostgreSQL,
     "INSERT INTO t (\"a(b\") VALUES ($1) ON CONFLICT (\"a(b\") DO NOTHING"},
    {"pg_not_a_call",
     "INSERT INTO t (k) VALUES ($1)",
     {"a(b)c", "f(x;y)", "Lower(x)", "select(x)"},
     Dialect::PostgreSQL,
     "INSERT INTO t (k) VALUES ($1) ON CONFLICT (\"a(b)c\", \"f(x;y)\", "
     "\"Lower(x)\", \"select(x)\") DO NOTHING"},
    {"pg_call_keys_stay",
     "INSERT INTO t (k) VALUES ($1)",
     {"coalesce(a,'(')", "lower(email)"},
     Dialect::PostgreSQL,
     "INSERT INTO t (k) VALUES ($1) ON CONFLICT (coalesce(a,'('), "
     "lower(email)) DO NOTHING"},
    {"tsql_select_source",
     "INSERT INTO t (k) SELECT k FROM s",
     {"k"},
     Dialect::SQLServer,
     ""},
    {"unknown_dialect",
     "INSERT INTO t (k) VALUES (?)",
     {"k"},
     Dialect::Unknown,
     ""},
    {"already_on_conflict",
     "INSERT INTO t (k) VALUES ($1) ON CONFLICT (k) DO NOTHING",
     {"k"},
     Dialect::PostgreSQL,
     ""},
    {"already_ignore",
     "INSERT IGNORE INTO t (k) VALUES (?)",
     {"k"},
     Dialect::MySQL,
     ""},
    {"already_odku",
     "INSERT INTO t (k) VALUES (?) ON DUPLICATE KEY UPDATE k = k",
     {"k"},
     Dialect::MySQL,
     ""},
    {"already_or_ignore",
     "INSERT OR IGNORE INTO t (k) VALUES (?)",
     {"k"},
     Dialect::SQLite,
     ""},
    {"already_not_exists",
     "INSERT INTO t (k) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM t WHERE k = "
     "$1)",
     {"k"},
     Dialect::PostgreSQL,
     ""},
    {"replace", "REPLACE INTO t (k) VALUES (?)", {"k"}, Dialect::MySQL, ""},
    {"not_insert", "UPDATE t SET k = $1", {"k"}, Dialect::PostgreSQL, ""},
    {"two_statements",
     "INSERT INTO t (k) VALUES ($1); SELECT 1",
     {"k"},
     Dialect::PostgreSQL,
     ""},
    {"hole", "INSERT INTO t (k) VALUES (~)", {"k"}, Dialect::PostgreSQL, ""},
    {"hole_table",
     "INSERT INTO ~ (k) VALUES ($1)",
     {"k"},
     Dialect::PostgreSQL,
     ""},
    {"unterminated",
     "INSERT INTO t (k) VALUES ('abc",
     {"k"},
     Dialect::PostgreSQL,
     ""},
    {"empty", "", {"k"}, Dialect::PostgreSQL, ""},
};

class RewriteTest : public testing::TestWithParam<RewriteCase> {};

TEST_P(RewriteTest, Output) {
  const RewriteCase &C = GetParam();
  std::string Sql = C.Sql;
  for (char &Ch : Sql)
    if (Ch == '~')
      Ch = HoleChar;
  EXPECT_EQ(rewriteAsAtomicInsert(Sql, C.Keys, C.D), C.Expected);
}

INSTANTIATE_TEST_SUITE_P(Cases, RewriteTest, testing::ValuesIn(RewriteCases),
                         [](const testing::TestParamInfo<RewriteCase> &I) {
                           return std::string(I.param.Name);
                         });

TEST(Rewrite, ResultIsAtomicWhenAnalysed) {
  struct {
    Dialect D;
    AtomicInsert Atomic;
    const char *Sql;
  } Cases[] = {
      {Dialect::PostgreSQL, AtomicInsert::OnConflictDoNothing,
       "INSERT INTO users(email) VALUES ($1) RETURNING id"},
      {Dialect::SQLite, AtomicInsert::OnConflictDoNothing,
       "INSERT INTO users(email) VALUES (?)"},
      {Dialect::MySQL, AtomicInsert::InsertIgnore,
       "INSERT INTO users(email) VALUES (?)"},
      {Dialect::SQLServer, AtomicInsert::InsertSelectNotExists,
       "INSERT INTO users(email) VALUES (@e)"},
  };
  for (const auto &C : Cases) {
    std::string Out = rewriteAsAtomicInsert(C.Sql, {"email"}, C.D);
    ASSERT_NE(Out, "") << dialectName(C.D).str();
    std::vector<StatementFacts> All = analyzeSql(Out, C.D);
    ASSERT_EQ(All.size(), 1u) << Out;
    EXPECT_EQ(All[0].Atomic, C.Atomic) << Out;
    EXPECT_EQ(All[0].Table, "users") << Out;
    EXPECT_EQ(All[0].Problem, "") << Out;
  }
}

TEST(Rewrite, SqlServerResultKeepsHints) {
  std::string Out = rewriteAsAtomicInsert("INSERT INTO t (k) VALUES (@k)",
                                          {"k"}, Dialect::SQLServer);
  StatementFacts F = analyzeSql(Out, Dialect::SQLServer).front();
  EXPECT_EQ(F.TableHints, (Strings{"UPDLOCK", "HOLDLOCK"}));
  EXPECT_EQ(F.KeyColumns, (Strings{"k"}));
}

} // namespace
} // namespace sqlrace::sql::test
