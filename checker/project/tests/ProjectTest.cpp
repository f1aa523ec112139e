//===- ProjectTest.cpp - sqlrace --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The project layer without either host: the --checks filter, the checks on
// schema paths, and the setups loaded per .sqlrace.json. The CLI's side of
// the same rules is checker/tool/tests (cli, cli-inputs); the plugin's is
// checker/tidy-plugin/tests.
//===----------------------------------------------------------------------===//
#include "sqlrace/project/CheckFilter.h"
#include "sqlrace/project/ProjectSetup.h"
#include "sqlrace/project/SchemaInputs.h"
#include "sqlrace/testing/TempDir.h"
#include "gtest/gtest.h"

using namespace sqlrace;
using project::CheckKind;

namespace {

std::vector<CheckKind> enabledBy(llvm::StringRef Spec) {
  auto Enabled = project::selectChecks(Spec);
  EXPECT_TRUE(static_cast<bool>(Enabled))
      << llvm::toString(Enabled.takeError());
  return Enabled ? *Enabled : std::vector<CheckKind>{};
}

TEST(CheckFilter, EverythingByDefault) {
  std::vector<CheckKind> All(project::allChecks().begin(),
                             project::allChecks().end());
  EXPECT_EQ(enabledBy(""), All);
  EXPECT_EQ(enabledBy(" , ,"), All);
  EXPECT_EQ(enabledBy("other-*"), All); // a glob that matches nothing
}

TEST(CheckFilter, GlobsApplyInOrder) {
  EXPECT_EQ(enabledBy("-*,sqlrace-check-then-insert"),
            std::vector<CheckKind>{CheckKind::CheckThenInsert});
  EXPECT_EQ(enabledBy("-*"), std::vector<CheckKind>{});
  EXPECT_EQ(enabledBy("-sqlrace-check-then-*, sqlrace-check-then-update"),
            (std::vector<CheckKind>{CheckKind::ReadModifyWrite,
                                    CheckKind::CheckThenUpdate,
                                    CheckKind::UnhandledUniqueViolation}));
  // The last word wins, as in clang-tidy.
  EXPECT_EQ(enabledBy("-sqlrace-read-modify-write,sqlrace-*"), enabledBy(""));
}

TEST(CheckFilter, MalformedGlobIsAnError) {
  auto Enabled = project::selectChecks("-*,sqlrace-[");
  ASSERT_FALSE(static_cast<bool>(Enabled));
  std::string Message = llvm::toString(Enabled.takeError());
  EXPECT_EQ(Message.rfind("invalid glob 'sqlrace-[' in --checks: ", 0), 0u)
      << Message;
}

/// Each test's files in a fresh directory.
class ProjectFilesTest : public ::testing::Test {
protected:
  std::string path(llvm::StringRef Name) const { return Dir.path(Name); }
  std::string put(llvm::StringRef Name, llvm::StringRef Text) const {
    return Dir.write(Name, Text);
  }
  void mkdir(llvm::StringRef Name) const { Dir.mkdir(Name); }
  /// The message checkSchemaPaths gives for Paths ("" when it accepts
  /// them); warnings are added to Warnings.
  std::string schemaError(const std::vector<std::string> &Paths,
                          std::vector<std::string> &Warnings) const {
    llvm::Error E = project::checkSchemaPaths(Paths, "--schema",
                                              sql::Dialect::Unknown, Warnings);
    return E ? llvm::toString(std::move(E)) : "";
  }
  std::string schemaError(const std::vector<std::string> &Paths) const {
    std::vector<std::string> Warnings;
    std::string Message = schemaError(Paths, Warnings);
    EXPECT_EQ(Warnings, std::vector<std::string>{});
    return Message;
  }

  test::TempDir Dir{"sqlrace-project"};
};

TEST_F(ProjectFilesTest, SchemaWithDdlIsAccepted) {
  std::string Good = put("good.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n");
  EXPECT_EQ(schemaError({Good}), "");
  // Left to the schema loader, which names it.
  EXPECT_EQ(schemaError({path("absent.sql")}), "");
}

TEST_F(ProjectFilesTest, WhatIsNotASchemaIsNamedWithTheReason) {
  std::string Empty = put("empty.sql", "  \n");
  EXPECT_EQ(schemaError({Empty}),
            "--schema '" + Empty +
                "': no CREATE TABLE, CREATE UNIQUE INDEX or ALTER TABLE "
                "statement found (the file is empty)");
  std::string Data = put("data.sql", "INSERT INTO t VALUES (1);\n");
  EXPECT_EQ(schemaError({Data}),
            "--schema '" + Data +
                "': no CREATE TABLE, CREATE UNIQUE INDEX or ALTER TABLE "
                "statement found");
  std::string Binary =
      put("binary.sql", std::string("CREATE TABLE t (a INT);\n-- \0x", 29));
  EXPECT_EQ(schemaError({Binary}),
            "--schema '" + Binary +
                "': is a binary file (a NUL byte at line 2, column 4)");
  std::string Latin1 = put("latin1.sql", "-- caf\xe9\nCREATE TABLE t (a INT);");
  EXPECT_EQ(schemaError({Latin1}),
            "--schema '" + Latin1 +
                "': is not UTF-8 text (an invalid byte at line 1, column 7)");
}

TEST_F(ProjectFilesTest, MigrationDirectories) {
  mkdir("none");
  std::vector<std::string> Warnings;
  EXPECT_EQ(schemaError({path("none")}, Warnings), "");
  EXPECT_EQ(Warnings, std::vector<std::string>{
                          "--schema '" + path("none") +
                          "': no *.sql migrations in the directory"});

  mkdir("data-only");
  put("data-only/001.sql", "INSERT INTO t VALUES (1);");
  put("data-only/002.sql", "UPDATE t SET a = 2;");
  EXPECT_EQ(schemaError({path("data-only")}),
            "--schema '" + path("data-only") +
                "': no CREATE TABLE, CREATE UNIQUE INDEX or ALTER TABLE "
                "statement found in its 2 *.sql files");

  // Data migrations beside DDL are fine.
  mkdir("mixed");
  put("mixed/001.sql", "CREATE TABLE t (a INT UNIQUE);");
  put("mixed/002.sql", "INSERT INTO t VALUES (1);");
  EXPECT_EQ(schemaError({path("mixed")}), "");
}

/// The rules shipped with sqlrace, as both hosts load them.
std::vector<std::string> bundledRules() {
  std::vector<std::string> Files = catalogue::defaultRulesFiles();
  EXPECT_FALSE(Files.empty());
  return Files;
}

TEST_F(ProjectFilesTest, SetupOfAFileComesFromTheNearestConfig) {
  mkdir("svc/src");
  put("svc/schema.sql", "CREATE TABLE users (email TEXT UNIQUE);\n");
  put("svc/.sqlrace.json",
      R"({"dialect": "postgresql", "schema": ["schema.sql"],
          "registries": ["::app::Statements"],
          "checks": "-sqlrace-read-modify-write",
          "check_options": {"sqlrace-check-then-insert":
                              {"ignored_tables": ["audit_*"]}}})");
  project::ProjectSetups Setups(bundledRules(), {}, "", "");
  Setups.setHeaderFilter("include/");
  auto S = Setups.forFile(path("svc/src/a.cpp"));
  ASSERT_TRUE(static_cast<bool>(S)) << llvm::toString(S.takeError());
  const project::Setup &Got = **S;
  EXPECT_EQ(Got.Config.File, path("svc/.sqlrace.json"));
  EXPECT_EQ(Got.Options.Enabled,
            (std::vector<CheckKind>{CheckKind::CheckThenInsert,
                                    CheckKind::CheckThenUpdate,
                                    CheckKind::UnhandledUniqueViolation}));
  EXPECT_EQ(Got.Options.BaseSchema, &Got.Schema);
  ASSERT_EQ(Got.Schema.keys().size(), 1u);
  EXPECT_EQ(Got.Schema.keys()[0].Where, path("svc/schema.sql") + ":1");
  EXPECT_EQ(Got.Options.DefaultDialect, sql::Dialect::PostgreSQL);
  EXPECT_EQ(Got.Options.Registries,
            std::vector<std::string>{"app::Statements"});
  EXPECT_EQ(Got.Options.HeaderFilter, "include/");
  ASSERT_EQ(Got.Options.IgnoredTables.size(), 1u);
  EXPECT_EQ(Got.Options.IgnoredTables.at(CheckKind::CheckThenInsert),
            std::vector<std::string>{"audit_*"});

  // Loaded once: another file under the same config shares it.
  auto Again = Setups.forFile(path("svc/b.cpp"));
  ASSERT_TRUE(static_cast<bool>(Again));
  EXPECT_EQ(*Again, *S);
}

TEST_F(ProjectFilesTest, CommandLineChecksComeAfterTheConfigs) {
  put(".sqlrace.json", R"({"checks": "-*"})");
  project::ProjectSetups Switched(bundledRules(), {}, "", "");
  auto Off = Switched.forFile(path("a.cpp"));
  ASSERT_TRUE(static_cast<bool>(Off)) << llvm::toString(Off.takeError());
  EXPECT_TRUE((*Off)->Options.Enabled.empty());

  project::ProjectSetups Override(bundledRules(), {},
                                  "sqlrace-read-modify-write", "");
  auto On = Override.forFile(path("a.cpp"));
  ASSERT_TRUE(static_cast<bool>(On)) << llvm::toString(On.takeError());
  EXPECT_EQ((*On)->Options.Enabled,
            std::vector<CheckKind>{CheckKind::ReadModifyWrite});
}

TEST_F(ProjectFilesTest, ForcedConfigAndNoConfig) {
  std::string Forced = put("forced.json", R"({"dialect": "sqlite"})");
  project::ProjectSetups Setups(bundledRules(), {}, "", Forced);
  auto S = Setups.forFile("/elsewhere/x.cpp");
  ASSERT_TRUE(static_cast<bool>(S)) << llvm::toString(S.takeError());
  EXPECT_EQ((*S)->Options.DefaultDialect, sql::Dialect::SQLite);

  auto None = Setups.withoutConfig();
  ASSERT_TRUE(static_cast<bool>(None)) << llvm::toString(None.takeError());
  EXPECT_EQ((*None)->Config.File, "");
  EXPECT_EQ((*None)->Options.DefaultDialect, sql::Dialect::Unknown);
  EXPECT_NE(*None, *S);
}

TEST_F(ProjectFilesTest, CommandLineSchemaAndConfigSchemaAdd) {
  std::string Cli = put("cli.sql", "CREATE TABLE a (x INT PRIMARY KEY);");
  put("own.sql", "CREATE TABLE b (y INT PRIMARY KEY);");
  put(".sqlrace.json", R"({"schema": ["own.sql"]})");
  project::ProjectSetups Setups(bundledRules(), {Cli}, "", "");
  auto S = Setups.forFile(path("a.cpp"));
  ASSERT_TRUE(static_cast<bool>(S)) << llvm::toString(S.takeError());
  ASSERT_EQ((*S)->Schema.keys().size(), 2u);
  EXPECT_EQ((*S)->Schema.keys()[0].Key.Table, "a");
  EXPECT_EQ((*S)->Schema.keys()[1].Key.Table, "b");
}

TEST_F(ProjectFilesTest, BrokenConfigFailsEveryFileWithOneMessage) {
  put(".sqlrace.json", R"({"checks": "-*,sqlrace-["})");
  project::ProjectSetups Setups(bundledRules(), {}, "", "");
  auto First = Setups.forFile(path("a.cpp"));
  ASSERT_FALSE(static_cast<bool>(First));
  std::string Message = llvm::toString(First.takeError());
  EXPECT_NE(Message.find("invalid glob 'sqlrace-['"), std::string::npos)
      << Message;
  auto Second = Setups.forFile(path("b.cpp"));
  ASSERT_FALSE(static_cast<bool>(Second));
  EXPECT_EQ(llvm::toString(Second.takeError()), Message);
}

TEST_F(ProjectFilesTest, ConfigSchemaIsCheckedWithTheConfigsName) {
  put("empty.sql", "");
  std::string Config = put(".sqlrace.json", R"({"schema": ["empty.sql"]})");
  project::ProjectSetups Setups(bundledRules(), {}, "", "");
  auto S = Setups.forFile(path("a.cpp"));
  ASSERT_FALSE(static_cast<bool>(S));
  EXPECT_EQ(llvm::toString(S.takeError()),
            Config + ": schema '" + path("empty.sql") +
                "': no CREATE TABLE, CREATE UNIQUE INDEX or ALTER TABLE "
                "statement found (the file is empty)");
}

} // namespace
