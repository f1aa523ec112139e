//===- InsertTest.cpp - sqlrace -------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// INSERT and REPLACE: target, column list, source, every atomic form.
//===----------------------------------------------------------------------===//

#include "TestUtil.h"

namespace sqlrace::sql::test {
namespace {

using test::operator<<;

//===-- Atomic forms
//---------------------------------------------------------===//

struct AtomicCase {
  const char *Name;
  const char *Sql;
  Dialect D;
  StatementKind Kind;
  const char *Table;
  AtomicInsert Atomic;
  Strings ConflictColumns;
  Strings KeyColumns;
};

const AtomicCase AtomicCases[] = {
    {"plain",
     "INSERT INTO users (email) VALUES ($1)",
     Dialect::PostgreSQL,
     StatementKind::Insert,
     "users",
     AtomicInsert::None,
     {},
     {}},
    {"on_conflict_do_nothing",
     "INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO NOTHING",
     Dialect::PostgreSQL,
     StatementKind::Insert,
     "users",
     AtomicInsert::OnConflictDoNothing,
     {"email"},
     {}},
    {"on_conflict_no_target",
     "INSERT INTO users (email) VALUES ($1) ON CONFLICT DO NOTHING",
     Dialect::PostgreSQL,
     StatementKind::Insert,
     "users",
     AtomicInsert::OnConflictDoNothing,
     {},
     {}},
    {"on_conflict_do_update",
     "INSERT INTO kv (a, b, v) VALUES ($1, $2, $3) ON CONFLICT (a, b) DO "
     "UPDATE SET v = EXCLUDED.v",
     Dialect::PostgreSQL,
     StatementKind::Insert,
     "kv",
     AtomicInsert::OnConflictDoUpdate,
     {"a", "b"},
     {}},
    {"on_conflict_on_constraint",
     "INSERT INTO users (email) VALUES ($1) ON CONFLICT ON CONSTRAINT "
     "users_email_key DO NOTHING",
     Dialect::PostgreSQL,
     StatementKind::Insert,
     "users",
     AtomicInsert::OnConflictDoNothing,
     {},
     {}},
    {"on_conflict_partial",
     "INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) WHERE "
     "deleted_at IS NULL DO NOTHING",
     Dialect::PostgreSQL,
     StatementKind::Insert,
     "users",
     AtomicInsert::OnConflictDoNothing,
     {"email"},
     {}},
    {"on_conflict_expression",
     "INSERT INTO users (email) VALUES ($1) ON CONFLICT ((lower(email))) DO "
     "NOTHING",
     Dialect::PostgreSQL,
     StatementKind::Insert,
     "users",
     AtomicInsert::OnConflictDoNothing,
     {"lower(email)"},
     {}},
    {"on_conflict_quoted",
     "INSERT INTO \"Users\" (\"Email\") VALUES ($1) ON CONFLICT (\"Email\") DO "
     "NOTHING",
     Dialect::PostgreSQL,
     StatementKind::Insert,
     "Users",
     AtomicInsert::OnConflictDoNothing,
     {"Email"},
     {}},
    {"sqlite_upsert",
     "INSERT INTO kv(k, v) VALUES (:k, :v) ON CONFLICT(k) DO UPDATE SET v = "
     "excluded.v",
     Dialect::SQLite,
     StatementKind::Insert,
     "kv",
     AtomicInsert::OnConflictDoUpdate,
     {"k"},
     {}},
    {"sqlite_two_clauses",
     "INSERT INTO t(a, b) VALUES (?, ?) ON CONFLICT(a) DO NOTHING ON CONFLICT "
     "DO UPDATE SET b = excluded.b",
     Dialect::SQLite,
     StatementKind::Insert,
     "t",
     AtomicInsert::OnConflictDoNothing,
     {"a"},
     {}},
    {"insert_ignore",
     "INSERT IGNORE INTO users (email) VALUES (?)",
     Dialect::MySQL,
     StatementKind::Insert,
     "users",
     AtomicInsert::InsertIgnore,
     {},
     {}},
    {"insert_low_priority_ignore",
     "INSERT LOW_PRIORITY IGNORE users (email) VALUES (?)",
     Dialect::MySQL,
     StatementKind::Insert,
     "users",
     AtomicInsert::InsertIgnore,
     {},
     {}},
    {"or_ignore",
     "INSERT OR IGNORE INTO users(email) VALUES (?1)",
     Dialect::SQLite,
     StatementKind::Insert,
     "users",
     AtomicInsert::InsertOrConflict,
     {},
     {}},
    {"or_replace",
     "INSERT OR REPLACE INTO users(email) VALUES (?)",
     Dialect::SQLite,
     StatementKind::Insert,
     "users",
     AtomicInsert::InsertOrConflict,
     {},
     {}},
    {"or_abort",
     "insert or abort into users(email) values (?)",
     Dialect::SQLite,
     StatementKind::Insert,
     "users",
     AtomicInsert::InsertOrConflict,
     {},
     {}},
    {"or_fail",
     "INSERT OR FAIL INTO users(email) VALUES (?)",
     Dialect::SQLite,
     StatementKind::Insert,
     "users",
     AtomicInsert::InsertOrConflict,
     {},
     {}},
    {"or_rollback",
     "INSERT OR ROLLBACK INTO users(email) VALUES (?)",
     Dialect::SQLite,
     StatementKind::Insert,
     "users",
     AtomicInsert::InsertOrConflict,
     {},
     {}},
    {"odku_values",
     "INSERT INTO counters (k, n) VALUES (?, 1) ON DUPLICATE KEY UPDATE n = n "
     "+ VALUES(n)",
     Dialect::MySQL,
     StatementKind::Insert,
     "counters",
     AtomicInsert::OnDuplicateKeyUpdate,
     {},
     {}},
    {"odku_row_alias",
     "INSERT INTO counters (k, n) VALUES (?, 1) AS new ON DUPLICATE KEY "
     "UPDATE n = counters.n + new.n",
     Dialect::MySQL,
     StatementKind::Insert,
     "counters",
     AtomicInsert::OnDuplicateKeyUpdate,
     {},
     {}},
    {"odku_row_alias_columns",
     "INSERT INTO counters (k, n) VALUES (?, 1) AS new(a, b) ON DUPLICATE KEY "
     "UPDATE n = n + new.b",
     Dialect::MySQL,
     StatementKind::Insert,
     "counters",
     AtomicInsert::OnDuplicateKeyUpdate,
     {},
     {}},
    {"odku_after_ignore",
     "INSERT IGNORE INTO t (k) VALUES (?) ON DUPLICATE KEY UPDATE k = k",
     Dialect::MySQL,
     StatementKind::Insert,
     "t",
     AtomicInsert::OnDuplicateKeyUpdate,
     {},
     {}},
    {"replace_into",
     "REPLACE INTO users (id, email) VALUES (?, ?)",
     Dialect::MySQL,
     StatementKind::Replace,
     "users",
     AtomicInsert::ReplaceInto,
     {},
     {}},
    {"replace_without_into",
     "REPLACE users (id) VALUES (?)",
     Dialect::MySQL,
     StatementKind::Replace,
     "users",
     AtomicInsert::ReplaceInto,
     {},
     {}},
    {"sqlite_replace",
     "REPLACE INTO kv(k, v) VALUES (?, ?)",
     Dialect::SQLite,
     StatementKind::Replace,
     "kv",
     AtomicInsert::ReplaceInto,
     {},
     {}},
    {"select_not_exists",
     "INSERT INTO users (email) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM "
     "users WHERE email = $1)",
     Dialect::PostgreSQL,
     StatementKind::Insert,
     "users",
     AtomicInsert::InsertSelectNotExists,
     {},
     {"email"}},
    {"select_from_dual_not_exists",
     "INSERT INTO users (email, org) SELECT ?, ? FROM dual WHERE NOT EXISTS "
     "(SELECT 1 FROM users WHERE email = ? AND org = ?)",
     Dialect::MySQL,
     StatementKind::Insert,
     "users",
     AtomicInsert::InsertSelectNotExists,
     {},
     {"email", "org"}},
    {"select_not_exists_and_more",
     "INSERT INTO t (k) SELECT ? WHERE ? > 0 AND NOT EXISTS (SELECT 1 FROM t "
     "WHERE k = ?)",
     Dialect::SQLite,
     StatementKind::Insert,
     "t",
     AtomicInsert::InsertSelectNotExists,
     {},
     {"k"}},
    {"select_exists_is_not_atomic",
     "INSERT INTO t (k) SELECT ? WHERE EXISTS (SELECT 1 FROM u WHERE k = ?)",
     Dialect::SQLite,
     StatementKind::Insert,
     "t",
     AtomicInsert::None,
     {},
     {}},
    {"select_not_exists_under_or",
     "INSERT INTO t (k) SELECT ? WHERE ? = 1 OR NOT EXISTS (SELECT 1 FROM t "
     "WHERE k = ?)",
     Dialect::SQLite,
     StatementKind::Insert,
     "t",
     AtomicInsert::None,
     {},
     {}},
    {"plain_select",
     "INSERT INTO archive SELECT * FROM users WHERE id = ?",
     Dialect::MySQL,
     StatementKind::Insert,
     "archive",
     AtomicInsert::None,
     {},
     {}},
    {"tsql_not_exists",
     "INSERT INTO users (email) SELECT @e WHERE NOT EXISTS (SELECT 1 FROM "
     "users WITH (UPDLOCK, HOLDLOCK) WHERE email = @e)",
     Dialect::SQLServer,
     StatementKind::Insert,
     "users",
     AtomicInsert::InsertSelectNotExists,
     {},
     {"email"}},
    {"merge",
     "MERGE INTO users AS t USING (SELECT @e AS email) AS s ON t.email = "
     "s.email WHEN NOT MATCHED THEN INSERT (email) VALUES (s.email);",
     Dialect::SQLServer,
     StatementKind::Merge,
     "users",
     AtomicInsert::Merge,
     {},
     {"email"}},
};

class AtomicInsertTest : public testing::TestWithParam<AtomicCase> {};

TEST_P(AtomicInsertTest, Form) {
  const AtomicCase &C = GetParam();
  StatementFacts F = one(C.Sql, C.D);
  EXPECT_EQ(F.Kind, C.Kind);
  EXPECT_EQ(F.Table, C.Table);
  EXPECT_EQ(F.Atomic, C.Atomic);
  EXPECT_EQ(F.ConflictColumns, C.ConflictColumns);
  EXPECT_EQ(F.KeyColumns, C.KeyColumns);
  EXPECT_EQ(F.TablesWritten, Strings{C.Table});
  EXPECT_EQ(F.Problem, "");
}

INSTANTIATE_TEST_SUITE_P(Forms, AtomicInsertTest,
                         testing::ValuesIn(AtomicCases),
                         [](const testing::TestParamInfo<AtomicCase> &I) {
                           return std::string(I.param.Name);
                         });

//===-- Columns, values, source
//----------------------------------------------===//

class InsertColumnsTest : public testing::TestWithParam<Dialect> {};

TEST_P(InsertColumnsTest, NormalisedColumnsAndValues) {
  Dialect D = GetParam();
  StatementFacts F =
      one("INSERT INTO Users (Email, name, Org_Id) VALUES ($P1, $P2, 42)", D);
  EXPECT_EQ(F.Kind, StatementKind::Insert);
  EXPECT_EQ(F.Table, "users");
  EXPECT_EQ(F.InsertColumns, (Strings{"email", "name", "org_id"}));
  EXPECT_EQ(F.InsertValues, (Strings{param(D, 1), param(D, 2), "42"}));
  EXPECT_EQ(F.InsertSource,
            "VALUES (" + param(D, 1) + ", " + param(D, 2) + ", 42)");
  EXPECT_EQ(F.Atomic, AtomicInsert::None);
}

INSTANTIATE_TEST_SUITE_P(AllDialects, InsertColumnsTest,
                         testing::ValuesIn(AllDialects),
                         [](const testing::TestParamInfo<Dialect> &I) {
                           return dialectLabel(I.param);
                         });

TEST(Insert, QuotedColumnsKeepCase) {
  StatementFacts F = one("INSERT INTO \"Users\" (\"Email\", t.\"Name\") VALUES "
                         "($1, $2)",
                         Dialect::PostgreSQL);
  EXPECT_EQ(F.Table, "Users");
  EXPECT_EQ(F.InsertColumns, (Strings{"Email", "Name"}));
}

TEST(Insert, MultiRowValuesGiveTheFirstRow) {
  StatementFacts F = one("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')");
  EXPECT_EQ(F.InsertValues, (Strings{"1", "'x'"}));
  EXPECT_EQ(F.InsertSource, "VALUES (1, 'x'), (2, 'y')");
}

TEST(Insert, NoColumnList) {
  StatementFacts F = one("INSERT INTO t VALUES (?, ?)");
  EXPECT_TRUE(F.InsertColumns.empty());
  EXPECT_EQ(F.InsertValues, (Strings{"?", "?"}));
}

TEST(Insert, DefaultValues) {
  StatementFacts F =
      one("INSERT INTO t DEFAULT VALUES RETURNING id", Dialect::PostgreSQL);
  EXPECT_EQ(F.InsertSource, "DEFAULT VALUES");
  EXPECT_TRUE(F.Returning);
  EXPECT_EQ(F.Problem, "");
}

TEST(Insert, MySqlSetForm) {
  StatementFacts F = one("INSERT INTO t SET a = ?, b = NOW()", Dialect::MySQL);
  EXPECT_EQ(F.InsertColumns, (Strings{"a", "b"}));
  EXPECT_EQ(F.InsertValues, (Strings{"?", "NOW()"}));
  EXPECT_EQ(F.InsertSource, "SET a = ?, b = NOW()");
}

TEST(Insert, SelectSourceTablesRead) {
  StatementFacts F =
      one("INSERT INTO archive (id) SELECT id FROM users u JOIN orgs o ON "
          "o.id = u.org WHERE u.id = ?");
  EXPECT_EQ(F.TablesWritten, (Strings{"archive"}));
  EXPECT_EQ(F.TablesRead, (Strings{"users", "orgs"}));
  EXPECT_EQ(
      F.InsertSource,
      "SELECT id FROM users u JOIN orgs o ON o.id = u.org WHERE u.id = ?");
}

TEST(Insert, NotExistsReadsTheInnerTable) {
  StatementFacts F = one("INSERT INTO users (email) SELECT $1 WHERE NOT EXISTS "
                         "(SELECT 1 FROM users WHERE email = $1)",
                         Dialect::PostgreSQL);
  EXPECT_EQ(F.TablesRead, (Strings{"users"}));
  EXPECT_TRUE(F.TableHints.empty());
}

TEST(Insert, NotExistsHintsOfTheSameTable) {
  StatementFacts F =
      one("INSERT INTO users (email) SELECT @e WHERE NOT EXISTS (SELECT 1 FROM "
          "users WITH (UPDLOCK, HOLDLOCK) WHERE email = @e)",
          Dialect::SQLServer);
  EXPECT_EQ(F.TableHints, (Strings{"UPDLOCK", "HOLDLOCK"}));
}

TEST(Insert, ReturningAndOutput) {
  EXPECT_TRUE(
      one("INSERT INTO t (a) VALUES ($1) RETURNING id", Dialect::PostgreSQL)
          .Returning);
  StatementFacts F = one("INSERT INTO users (email) OUTPUT inserted.id VALUES "
                         "(@e)",
                         Dialect::SQLServer);
  EXPECT_TRUE(F.Returning);
  EXPECT_EQ(F.InsertColumns, (Strings{"email"}));
  EXPECT_EQ(F.InsertValues, (Strings{"@e"}));
  EXPECT_FALSE(one("INSERT INTO t (a) VALUES (?)").Returning);
}

TEST(Insert, WithoutIntoTSql) {
  StatementFacts F =
      one("INSERT Users (Email) VALUES (@e)", Dialect::SQLServer);
  EXPECT_EQ(F.Table, "users");
  EXPECT_EQ(F.InsertColumns, (Strings{"email"}));
}

TEST(Insert, TableAliasPostgres) {
  StatementFacts F = one("INSERT INTO counters AS c (k, n) VALUES ($1, 1) ON "
                         "CONFLICT (k) DO UPDATE SET n = c.n + 1",
                         Dialect::PostgreSQL);
  EXPECT_EQ(F.Table, "counters");
  EXPECT_EQ(F.InsertColumns, (Strings{"k", "n"}));
  EXPECT_EQ(F.Atomic, AtomicInsert::OnConflictDoUpdate);
}

TEST(Insert, SchemaQualifiedTarget) {
  StatementFacts F =
      one("INSERT INTO app.users (email) VALUES ($1)", Dialect::PostgreSQL);
  EXPECT_EQ(F.Table, "app.users");
  EXPECT_EQ(F.TablesWritten, (Strings{"app.users"}));
}

TEST(Insert, WithPrefix) {
  StatementFacts F =
      one("WITH src AS (SELECT email FROM staging WHERE id = $1) "
          "INSERT INTO users (email) SELECT email FROM src",
          Dialect::PostgreSQL);
  EXPECT_EQ(F.Kind, StatementKind::Insert);
  EXPECT_EQ(F.Table, "users");
  EXPECT_EQ(F.TablesRead, (Strings{"staging"}));
}

TEST(Insert, ColumnNamedIndexIsNotAHint) {
  StatementFacts F = one("INSERT INTO t (index, v) VALUES (?, ?)");
  EXPECT_EQ(F.InsertColumns, (Strings{"index", "v"}));
  EXPECT_TRUE(F.TableHints.empty());
}

TEST(Insert, HoleAsTable) {
  StatementFacts F = one("INSERT INTO ~ (email) VALUES (?)");
  EXPECT_EQ(F.Kind, StatementKind::Insert);
  EXPECT_EQ(F.Table, "");
  EXPECT_TRUE(F.TablesWritten.empty());
  EXPECT_TRUE(F.HasHoles);
  EXPECT_EQ(F.InsertColumns, (Strings{"email"}));
  EXPECT_EQ(F.Problem, "");
}

TEST(Insert, HoleAsValuesList) {
  StatementFacts F = one("INSERT INTO users (email, name) VALUES ~");
  EXPECT_EQ(F.Table, "users");
  EXPECT_EQ(F.InsertColumns, (Strings{"email", "name"}));
  EXPECT_TRUE(F.HasHoles);
  EXPECT_EQ(F.Problem, "");
}

TEST(Insert, MissingSourceIsAProblem) {
  StatementFacts F = one("INSERT INTO users (email)");
  EXPECT_EQ(F.Kind, StatementKind::Insert);
  EXPECT_EQ(F.Table, "users");
  EXPECT_NE(F.Problem, "");
}

TEST(Insert, MissingTableIsAProblem) {
  StatementFacts F = one("INSERT INTO VALUES (1)");
  EXPECT_EQ(F.Table, "");
  EXPECT_NE(F.Problem, "");
}

TEST(Insert, ReturningIsANameInSqlServer) {
  // T-SQL has OUTPUT, not RETURNING: the word is a column alias here.
  StatementFacts F = one("INSERT INTO t (k) SELECT 1 returning WHERE NOT "
                         "EXISTS (SELECT 1 FROM t WHERE k = 1)",
                         Dialect::SQLServer);
  EXPECT_EQ(F.Atomic, AtomicInsert::InsertSelectNotExists);
  EXPECT_EQ(F.KeyColumns, (Strings{"k"}));
  EXPECT_FALSE(F.Returning);
  EXPECT_FALSE(one("UPDATE t SET returning = 1 WHERE k = 2", Dialect::SQLServer)
                   .Returning);
  EXPECT_TRUE(
      one("INSERT INTO t (k) OUTPUT inserted.id VALUES (1)", Dialect::SQLServer)
          .Returning);
  // PostgreSQL still reads the clause.
  EXPECT_TRUE(one("INSERT INTO t (k) SELECT 1 RETURNING k", Dialect::PostgreSQL)
                  .Returning);
}

} // namespace
} // namespace sqlrace::sql::test
