//===- SchemaTest.cpp - sqlrace ---------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The schema on its own: which DDL adds and removes keys, which key covers
// a check, where a key was declared, and how files and migration
// directories are read. The analysis side (keys used by
// unhandled-unique-violation and check-then-insert) is in testdata/.
//===----------------------------------------------------------------------===//
#include "sqlrace/schema/Schema.h"
#include "sqlrace/testing/TempDir.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

using namespace sqlrace;
using schema::DeclaredKey;
using schema::Schema;

namespace {

Schema fromText(llvm::StringRef Ddl,
                sql::Dialect D = sql::Dialect::PostgreSQL) {
  Schema S;
  S.applyText(Ddl, D, "s.sql");
  return S;
}

/// "table(a,b)@where" for each key, in order.
std::vector<std::string> describe(const Schema &S) {
  std::vector<std::string> Out;
  for (const DeclaredKey &K : S.keys()) {
    std::string Parts;
    for (const std::string &C : K.Key.Columns)
      Parts += (Parts.empty() ? "" : ",") + C;
    Out.push_back(K.Key.Table + "(" + Parts + ")@" + K.Where);
  }
  return Out;
}

using Strings = std::vector<std::string>;

TEST(Schema, CreateTableDeclaresPrimaryAndUniqueKeys) {
  Schema S = fromText("CREATE TABLE users (\n"
                      "  id INTEGER PRIMARY KEY,\n"
                      "  email TEXT UNIQUE,\n"
                      "  org INT, name TEXT,\n"
                      "  UNIQUE (org, name)\n"
                      ");\n");
  EXPECT_EQ(describe(S), (Strings{"users(id)@s.sql:1", "users(email)@s.sql:1",
                                  "users(org,name)@s.sql:1"}));
  EXPECT_FALSE(S.empty());
}

TEST(Schema, WhereIsTheStatementsFirstLineWithText) {
  Schema S = fromText("CREATE TABLE a (x INT PRIMARY KEY);\n"
                      "\n"
                      "\n"
                      "CREATE UNIQUE INDEX b_y ON b (y);\n");
  EXPECT_EQ(describe(S), (Strings{"a(x)@s.sql:1", "b(y)@s.sql:4"}));
}

TEST(Schema, NonDdlAndTablesWithoutKeysAddNothing) {
  Schema S = fromText("INSERT INTO t VALUES (1);\n"
                      "SELECT 1;\n"
                      "CREATE TABLE plain (a INT, b INT);\n");
  EXPECT_TRUE(S.empty());
  EXPECT_TRUE(S.keys().empty());
}

TEST(Schema, DropTableRemovesItsKeysQualifiedOrNot) {
  Schema S = fromText("CREATE TABLE public.users (id INT PRIMARY KEY);\n"
                      "CREATE TABLE tags (name TEXT UNIQUE);\n"
                      "DROP TABLE users;\n");
  EXPECT_EQ(describe(S), (Strings{"tags(name)@s.sql:2"}));
}

TEST(Schema, DropIndexAndDropConstraintRemoveTheNamedKey) {
  Schema S = fromText(
      "CREATE TABLE t (a INT, b INT, CONSTRAINT t_a_key UNIQUE (a));\n"
      "CREATE UNIQUE INDEX t_b_idx ON t (b);\n"
      "DROP INDEX t_b_idx;\n");
  EXPECT_EQ(describe(S), (Strings{"t(a)@s.sql:1"}));
  S.applyText("ALTER TABLE t DROP CONSTRAINT t_a_key, "
              "ADD CONSTRAINT t_b_key UNIQUE (b);",
              sql::Dialect::PostgreSQL, "m.sql");
  EXPECT_EQ(describe(S), (Strings{"t(b)@m.sql:1"}));
}

TEST(Schema, AlterTableAddsKeys) {
  Schema S = fromText("CREATE TABLE t (a INT, b INT);\n"
                      "ALTER TABLE t ADD CONSTRAINT t_ab UNIQUE (a, b);\n");
  EXPECT_EQ(describe(S), (Strings{"t(a,b)@s.sql:2"}));
}

TEST(Schema, KeyFromAnalysedCodeKeepsItsLocation) {
  Schema S;
  for (const sql::StatementFacts &St :
       sql::analyzeSql("CREATE TABLE t (k INT PRIMARY KEY)",
                       sql::Dialect::SQLite))
    S.apply(St, "", /*RawLoc=*/42);
  ASSERT_EQ(S.keys().size(), 1u);
  EXPECT_EQ(S.keys()[0].Where, "");
  EXPECT_EQ(S.keys()[0].RawLoc, 42u);
}

TEST(Schema, KeyCoversACheckOnlyWhenEveryPartIsFixed) {
  Schema S = fromText("CREATE TABLE m (org INT, name TEXT, UNIQUE (org, name));");
  EXPECT_EQ(S.keyFor("m", {"org"}, "SELECT 1 FROM m WHERE org = $1"), nullptr);
  const DeclaredKey *K = S.keyFor("m", {"org", "name", "extra"},
                                  "SELECT 1 FROM m WHERE org = $1 AND name = $2");
  ASSERT_NE(K, nullptr);
  EXPECT_EQ(K->Key.Columns, (Strings{"org", "name"}));
  EXPECT_EQ(S.keyFor("other", {"org", "name"}, ""), nullptr);
}

TEST(Schema, SchemaQualifiedNamesMatchUnqualifiedOnes) {
  Schema S = fromText("CREATE TABLE app.users (email TEXT UNIQUE);");
  EXPECT_NE(S.keyFor("users", {"email"}, ""), nullptr);
  EXPECT_NE(S.keyFor("app.users", {"email"}, ""), nullptr);
  Schema T = fromText("CREATE TABLE users (email TEXT UNIQUE);");
  EXPECT_NE(T.keyFor("app.users", {"email"}, ""), nullptr);
}

TEST(Schema, ExpressionKeyCoversTheSameExpressionOnly) {
  Schema S = fromText("CREATE UNIQUE INDEX u_email ON u (lower(email));");
  ASSERT_EQ(S.keys().size(), 1u);
  EXPECT_EQ(S.keys()[0].Key.Columns, (Strings{"lower(email)"}));
  EXPECT_NE(S.keyFor("u", {"lower(email)"}, ""), nullptr);
  EXPECT_EQ(S.keyFor("u", {"email"}, ""), nullptr);
}

TEST(Schema, PartialIndexCoversChecksThatRestateItsPredicate) {
  Schema S = fromText("CREATE UNIQUE INDEX live_email ON accounts (email) "
                      "WHERE deleted_at IS NULL;");
  EXPECT_EQ(S.keyFor("accounts", {"email"},
                     "SELECT 1 FROM accounts WHERE email = $1"),
            nullptr);
  // Compared without case or white space.
  EXPECT_NE(S.keyFor("accounts", {"email"},
                     "SELECT 1 FROM accounts WHERE email = $1 AND "
                     "DELETED_AT  is  null"),
            nullptr);
}

TEST(SchemaFiles, MigrationsApplyInNameOrder) {
  test::TempDir Dir("sqlrace-schema");
  Dir.mkdir("m");
  Dir.write("m/002_drop.sql", "DROP INDEX a_x;\n");
  Dir.write("m/001_create.sql", "CREATE TABLE a (x INT);\n"
                                "CREATE UNIQUE INDEX a_x ON a (x);\n");
  Dir.write("m/003_again.sql", "CREATE UNIQUE INDEX a_x2 ON a (x);\n");
  Dir.write("m/notes.txt", "CREATE UNIQUE INDEX ignored ON a (y);\n");
  auto Files = Schema::migrationFiles(Dir.path("m"));
  ASSERT_TRUE(static_cast<bool>(Files)) << llvm::toString(Files.takeError());
  ASSERT_EQ(Files->size(), 3u);
  EXPECT_EQ(llvm::sys::path::filename((*Files)[0]), "001_create.sql");
  EXPECT_EQ(llvm::sys::path::filename((*Files)[2]), "003_again.sql");

  auto S = Schema::load({Dir.path("m")});
  ASSERT_TRUE(static_cast<bool>(S)) << llvm::toString(S.takeError());
  EXPECT_EQ(describe(*S), (Strings{"a(x)@" + Dir.path("m/003_again.sql:1")}));
}

TEST(SchemaFiles, FilesAndDirectoriesTogether) {
  test::TempDir Dir("sqlrace-schema");
  std::string One = Dir.write("one.sql", "CREATE TABLE t (a INT PRIMARY KEY);");
  Dir.mkdir("more");
  Dir.write("more/1.sql", "CREATE TABLE u (b INT UNIQUE);");
  auto S = Schema::load({One, Dir.path("more")}, sql::Dialect::SQLite);
  ASSERT_TRUE(static_cast<bool>(S)) << llvm::toString(S.takeError());
  EXPECT_EQ(describe(*S), (Strings{"t(a)@" + One + ":1",
                                   "u(b)@" + Dir.path("more/1.sql:1")}));
}

TEST(SchemaFiles, MissingFileIsAnErrorNamingIt) {
  test::TempDir Dir("sqlrace-schema");
  auto S = Schema::load({Dir.path("absent.sql")});
  ASSERT_FALSE(static_cast<bool>(S));
  std::string Message = llvm::toString(S.takeError());
  EXPECT_EQ(
      Message.rfind(Dir.path("absent.sql") + ": cannot read schema file: ", 0),
      0u)
      << Message;
}

TEST(SchemaFiles, NoPathsIsAnEmptySchema) {
  auto S = Schema::load({});
  ASSERT_TRUE(static_cast<bool>(S));
  EXPECT_TRUE(S->empty());
}

} // namespace
