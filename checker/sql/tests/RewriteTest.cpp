//===- RewriteTest.cpp - sqlrace ------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// rewriteAsAtomicInsert: exact output per dialect, and the refusals, for the
// plain key-only form and for the forms AtomicInsertForm asks for.
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

//===-- AtomicInsertForm: predicate, touch, returning ----------------------===//

struct FormCase {
  const char *Name;
  const char *Sql;
  Strings Keys;
  const char *Predicate;
  IfRowExists IfExists;
  Strings Returning;
  Dialect D;
  const char *Expected; ///< "" = must refuse
};

constexpr IfRowExists Skip = IfRowExists::Skip;
constexpr IfRowExists Touch = IfRowExists::Touch;

const FormCase FormCases[] = {
    // PostgreSQL
    {"pg_partial_index",
     "INSERT INTO subs(email) VALUES ($1)",
     {"email"},
     "unsubscribed_at IS NULL",
     Skip,
     {},
     Dialect::PostgreSQL,
     "INSERT INTO subs(email) VALUES ($1) ON CONFLICT (email) WHERE "
     "unsubscribed_at IS NULL DO NOTHING"},
    {"pg_partial_index_before_returning",
     "INSERT INTO subs(email) VALUES ($1) RETURNING id;",
     {"email"},
     " deleted_at IS NULL ",
     Skip,
     {},
     Dialect::PostgreSQL,
     "INSERT INTO subs(email) VALUES ($1) ON CONFLICT (email) WHERE "
     "deleted_at IS NULL DO NOTHING RETURNING id"},
    {"pg_partial_index_returning_text",
     "INSERT INTO t (k) VALUES ($1) RETURNING ' DO NOTHING'",
     {"k"},
     "live",
     Skip,
     {},
     Dialect::PostgreSQL,
     "INSERT INTO t (k) VALUES ($1) ON CONFLICT (k) WHERE live DO NOTHING "
     "RETURNING ' DO NOTHING'"},
    {"pg_predicate_without_key",
     "INSERT INTO subs(email) VALUES ($1)",
     {},
     "deleted_at IS NULL",
     Skip,
     {},
     Dialect::PostgreSQL,
     "INSERT INTO subs(email) VALUES ($1) ON CONFLICT DO NOTHING"},
    {"pg_predicate_two_statements",
     "INSERT INTO t (k) VALUES ($1)",
     {"k"},
     "a = 1; DROP TABLE t",
     Skip,
     {},
     Dialect::PostgreSQL,
     ""},
    {"pg_predicate_unbalanced",
     "INSERT INTO t (k) VALUES ($1)",
     {"k"},
     "(a = 1",
     Skip,
     {},
     Dialect::PostgreSQL,
     ""},
    {"pg_touch",
     "INSERT INTO users (email, name) VALUES ($1, $2)",
     {"email"},
     "",
     Touch,
     {},
     Dialect::PostgreSQL,
     "INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT (email) DO "
     "UPDATE SET email = EXCLUDED.email"},
    {"pg_touch_returning",
     "INSERT INTO users (email) VALUES ($1)",
     {"email"},
     "",
     Touch,
     {"id"},
     Dialect::PostgreSQL,
     "INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO UPDATE SET "
     "email = EXCLUDED.email RETURNING id"},
    {"pg_touch_partial_index",
     "INSERT INTO users (email) VALUES ($1)",
     {"email"},
     "deleted_at IS NULL",
     Touch,
     {},
     Dialect::PostgreSQL,
     "INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) WHERE "
     "deleted_at IS NULL DO UPDATE SET email = EXCLUDED.email"},
    {"pg_touch_sets_a_column_not_an_expression",
     "INSERT INTO users (tenant, email) VALUES ($1, $2)",
     {"lower(email)", "tenant"},
     "",
     Touch,
     {},
     Dialect::PostgreSQL,
     "INSERT INTO users (tenant, email) VALUES ($1, $2) ON CONFLICT "
     "(lower(email), tenant) DO UPDATE SET tenant = EXCLUDED.tenant"},
    {"pg_touch_quoted_key",
     "INSERT INTO \"Users\" (\"Email\") VALUES ($1)",
     {"Email"},
     "",
     Touch,
     {"Id"},
     Dialect::PostgreSQL,
     "INSERT INTO \"Users\" (\"Email\") VALUES ($1) ON CONFLICT (\"Email\") "
     "DO UPDATE SET \"Email\" = EXCLUDED.\"Email\" RETURNING \"Id\""},
    {"pg_touch_expression_key_only",
     "INSERT INTO users (email) VALUES ($1)",
     {"lower(email)"},
     "",
     Touch,
     {},
     Dialect::PostgreSQL,
     ""},
    {"pg_touch_without_key",
     "INSERT INTO users (email) VALUES ($1)",
     {},
     "",
     Touch,
     {},
     Dialect::PostgreSQL,
     ""},
    {"pg_returning_tells_new_rows",
     "INSERT INTO users (email) VALUES ($1)",
     {"email"},
     "",
     Skip,
     {"id", "email"},
     Dialect::PostgreSQL,
     "INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO NOTHING "
     "RETURNING id, email"},
    {"pg_own_returning_kept",
     "INSERT INTO users (email) VALUES ($1) RETURNING email",
     {"email"},
     "",
     Skip,
     {"id"},
     Dialect::PostgreSQL,
     "INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO NOTHING "
     "RETURNING email"},
    // SQLite
    {"sqlite_partial_index",
     "INSERT INTO bookings(room, night, cancelled) VALUES (?1, ?2, 0)",
     {"room", "night"},
     "cancelled = 0",
     Skip,
     {},
     Dialect::SQLite,
     "INSERT INTO bookings(room, night, cancelled) VALUES (?1, ?2, 0) ON "
     "CONFLICT (room, night) WHERE cancelled = 0 DO NOTHING"},
    {"sqlite_partial_index_select_from",
     "INSERT INTO t (k) SELECT k FROM s",
     {"k"},
     "live = 1",
     Skip,
     {},
     Dialect::SQLite,
     "INSERT INTO t (k) SELECT k FROM s WHERE true ON CONFLICT (k) WHERE live "
     "= 1 DO NOTHING"},
    {"sqlite_touch",
     "INSERT INTO users(email, name) VALUES (?, ?)",
     {"email"},
     "",
     Touch,
     {"id"},
     Dialect::SQLite,
     "INSERT INTO users(email, name) VALUES (?, ?) ON CONFLICT (email) DO "
     "UPDATE SET email = email RETURNING id"},
    {"sqlite_returning",
     "INSERT INTO users(email) VALUES (:e)",
     {"email"},
     "",
     Skip,
     {"rowid"},
     Dialect::SQLite,
     "INSERT INTO users(email) VALUES (:e) ON CONFLICT (email) DO NOTHING "
     "RETURNING rowid"},
    // MySQL / MariaDB
    {"mysql_predicate_ignored",
     "INSERT INTO users (email) VALUES (?)",
     {"email"},
     "deleted_at IS NULL",
     Skip,
     {},
     Dialect::MySQL,
     "INSERT IGNORE INTO users (email) VALUES (?)"},
    {"mysql_touch",
     "INSERT INTO users (email, name) VALUES (?, ?);",
     {"email"},
     "",
     Touch,
     {},
     Dialect::MySQL,
     "INSERT INTO users (email, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE "
     "email = email"},
    {"mysql_touch_reserved_key",
     "INSERT INTO settings (`key`, value) VALUES (?, ?)",
     {"key"},
     "",
     Touch,
     {},
     Dialect::MySQL,
     "INSERT INTO settings (`key`, value) VALUES (?, ?) ON DUPLICATE KEY "
     "UPDATE `key` = `key`"},
    {"mysql_touch_row_alias",
     "INSERT INTO t (k) VALUES (?) AS new",
     {"k"},
     "",
     Touch,
     {},
     Dialect::MySQL,
     "INSERT INTO t (k) VALUES (?) AS new ON DUPLICATE KEY UPDATE k = k"},
    {"mysql_touch_set_source",
     "INSERT INTO t SET k = ?, n = 1",
     {"k"},
     "",
     Touch,
     {},
     Dialect::MySQL,
     "INSERT INTO t SET k = ?, n = 1 ON DUPLICATE KEY UPDATE k = k"},
    {"mysql_touch_select_source",
     "INSERT INTO t (k) SELECT k FROM s",
     {"k"},
     "",
     Touch,
     {},
     Dialect::MySQL,
     ""},
    {"mysql_touch_without_key",
     "INSERT INTO t (k) VALUES (?)",
     {},
     "",
     Touch,
     {},
     Dialect::MySQL,
     ""},
    {"mysql_no_returning",
     "INSERT INTO t (k) VALUES (?)",
     {"k"},
     "",
     Skip,
     {"id"},
     Dialect::MySQL,
     ""},
    // SQL Server
    {"tsql_filtered_index",
     "INSERT INTO users (email) VALUES (@e)",
     {"email"},
     "deleted_at IS NULL",
     Skip,
     {},
     Dialect::SQLServer,
     "INSERT INTO users (email) SELECT @e WHERE NOT EXISTS (SELECT 1 FROM "
     "users WITH (UPDLOCK, HOLDLOCK) WHERE email = @e AND (deleted_at IS "
     "NULL))"},
    {"tsql_filtered_index_parenthesised",
     "INSERT INTO users (email) VALUES (@e)",
     {"email"},
     "([state] = 'a' OR [state] = 'b')",
     Skip,
     {},
     Dialect::SQLServer,
     "INSERT INTO users (email) SELECT @e WHERE NOT EXISTS (SELECT 1 FROM "
     "users WITH (UPDLOCK, HOLDLOCK) WHERE email = @e AND ([state] = 'a' OR "
     "[state] = 'b'))"},
    {"tsql_output",
     "INSERT INTO users (email) VALUES (@e)",
     {"email"},
     "",
     Skip,
     {"id", "Email"},
     Dialect::SQLServer,
     "INSERT INTO users (email) OUTPUT inserted.id, inserted.[Email] SELECT "
     "@e WHERE NOT EXISTS (SELECT 1 FROM users WITH (UPDLOCK, HOLDLOCK) WHERE "
     "email = @e)"},
    {"tsql_own_output_kept",
     "INSERT INTO t (k) OUTPUT inserted.k VALUES (@k)",
     {"k"},
     "",
     Skip,
     {"id"},
     Dialect::SQLServer,
     "INSERT INTO t (k) OUTPUT inserted.k SELECT @k WHERE NOT EXISTS (SELECT "
     "1 FROM t WITH (UPDLOCK, HOLDLOCK) WHERE k = @k)"},
    {"tsql_touch",
     "INSERT INTO t (k) VALUES (@k)",
     {"k"},
     "",
     Touch,
     {},
     Dialect::SQLServer,
     ""},
    // Every dialect refuses what it always refuses.
    {"unknown_dialect_form",
     "INSERT INTO t (k) VALUES (?)",
     {"k"},
     "live",
     Touch,
     {"id"},
     Dialect::Unknown,
     ""},
};

AtomicInsertForm formOf(const FormCase &C) {
  AtomicInsertForm Form;
  Form.Key = C.Keys;
  Form.KeyPredicate = C.Predicate;
  Form.IfExists = C.IfExists;
  Form.Returning = C.Returning;
  return Form;
}

class FormTest : public testing::TestWithParam<FormCase> {};

TEST_P(FormTest, Output) {
  const FormCase &C = GetParam();
  EXPECT_EQ(rewriteAsAtomicInsert(C.Sql, formOf(C), C.D), C.Expected);
}

// What the rewrite says it does, the SQL layer reads back from its text.
TEST_P(FormTest, ResultReadsBackAsAsked) {
  const FormCase &C = GetParam();
  std::string Out = rewriteAsAtomicInsert(C.Sql, formOf(C), C.D);
  if (Out.empty())
    return;
  std::vector<StatementFacts> All = analyzeSql(Out, C.D);
  ASSERT_EQ(All.size(), 1u) << Out;
  const StatementFacts &F = All.front();
  EXPECT_EQ(F.Problem, "") << Out;
  switch (C.D) {
  case Dialect::PostgreSQL:
  case Dialect::SQLite:
    EXPECT_EQ(F.Atomic, C.IfExists == Skip ? AtomicInsert::OnConflictDoNothing
                                           : AtomicInsert::OnConflictDoUpdate)
        << Out;
    if (!C.Keys.empty()) {
      EXPECT_EQ(F.ConflictColumns, C.Keys) << Out;
    }
    break;
  case Dialect::MySQL:
    EXPECT_EQ(F.Atomic, C.IfExists == Skip
                            ? AtomicInsert::InsertIgnore
                            : AtomicInsert::OnDuplicateKeyUpdate)
        << Out;
    break;
  case Dialect::SQLServer:
    EXPECT_EQ(F.Atomic, AtomicInsert::InsertSelectNotExists) << Out;
    EXPECT_EQ(F.KeyColumns, C.Keys) << Out;
    break;
  case Dialect::Unknown:
    break;
  }
  if (!C.Returning.empty()) {
    EXPECT_TRUE(F.Returning) << Out;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, FormTest, testing::ValuesIn(FormCases),
                         [](const testing::TestParamInfo<FormCase> &I) {
                           return std::string(I.param.Name);
                         });

TEST(Rewrite, KeyOnlyOverloadSkipsAndReturnsNothingMore) {
  for (Dialect D : AllDialects) {
    AtomicInsertForm Form;
    Form.Key = {"email"};
    const char *Sql = D == Dialect::PostgreSQL
                          ? "INSERT INTO users (email) VALUES ($1)"
                          : "INSERT INTO users (email) VALUES (?)";
    EXPECT_EQ(rewriteAsAtomicInsert(Sql, {"email"}, D),
              rewriteAsAtomicInsert(Sql, Form, D))
        << dialectName(D).str();
  }
}

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
