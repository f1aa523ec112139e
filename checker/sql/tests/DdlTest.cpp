//===- DdlTest.cpp - sqlrace ----------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// What DDL does to the schema (DdlAction, DroppedName) and the unique keys
// it declares, in PostgreSQL, MySQL, SQLite and SQL Server spellings; whole
// schema files; holes and malformed DDL.
//===----------------------------------------------------------------------===//

#include "TestUtil.h"
#include <chrono>

namespace sqlrace::sql::test {
namespace {

using test::operator<<;
using Keys = std::vector<UniqueKey>;

//===-- Expected keys -----------------------------------------------------===//

/// A UNIQUE constraint (column or table level).
UniqueKey unique(Strings Columns, std::string Name = "") {
  UniqueKey K;
  K.Columns = std::move(Columns);
  K.Name = std::move(Name);
  return K;
}

/// A PRIMARY KEY constraint.
UniqueKey primary(Strings Columns, std::string Name = "") {
  UniqueKey K = unique(std::move(Columns), std::move(Name));
  K.PrimaryKey = true;
  return K;
}

/// A unique index (CREATE UNIQUE INDEX, SQL Server inline INDEX ... UNIQUE).
UniqueKey index(Strings Columns, std::string Name, std::string Predicate = "") {
  UniqueKey K = unique(std::move(Columns), std::move(Name));
  K.IsIndex = true;
  K.Predicate = std::move(Predicate);
  return K;
}

UniqueKey nullsNotDistinct(UniqueKey K) {
  K.NullsNotDistinct = true;
  return K;
}

UniqueKey usingIndex(UniqueKey K, std::string Index) {
  K.UsingIndex = std::move(Index);
  return K;
}

/// Every key of \p F equals \p Expected, in order; each key's table is F's.
void expectKeys(const StatementFacts &F, const Keys &Expected,
                const std::string &Context) {
  ASSERT_EQ(F.UniqueKeys.size(), Expected.size()) << Context;
  for (size_t I = 0; I < Expected.size(); ++I) {
    const UniqueKey &Got = F.UniqueKeys[I], &Want = Expected[I];
    std::string At = Context + " [key " + std::to_string(I) + "]";
    EXPECT_EQ(Got.Table, F.Table) << At;
    EXPECT_EQ(Got.Columns, Want.Columns) << At;
    EXPECT_EQ(Got.Name, Want.Name) << At;
    EXPECT_EQ(Got.Predicate, Want.Predicate) << At;
    EXPECT_EQ(Got.PrimaryKey, Want.PrimaryKey) << At;
    EXPECT_EQ(Got.IsIndex, Want.IsIndex) << At;
    EXPECT_EQ(Got.NullsNotDistinct, Want.NullsNotDistinct) << At;
    EXPECT_EQ(Got.UsingIndex, Want.UsingIndex) << At;
  }
}

//===-- One statement -----------------------------------------------------===//

struct DdlCase {
  const char *Name;
  const char *Sql;
  Dialect D;
  DdlAction Ddl;
  const char *Table;
  Keys Expected;
  const char *Dropped;
  bool Problem;
};

/// One case; a call, not a braced list, so that cases stay compact.
DdlCase ddl(const char *Name, const char *Sql, Dialect D, DdlAction Ddl,
            const char *Table, Keys Expected, const char *Dropped = "",
            bool Problem = false) {
  return {Name, Sql, D, Ddl, Table, std::move(Expected), Dropped, Problem};
}

const DdlCase Cases[] = {
    ////===-- PostgreSQL
    ddl("pg_column_keys",
        "CREATE TABLE users (id SERIAL PRIMARY KEY, email TEXT NOT NULL "
        "UNIQUE, name TEXT)",
        Dialect::PostgreSQL, DdlAction::CreateTable, "users",
        {primary({"id"}), unique({"email"})}),
    ddl("pg_column_nulls_distinct",
        "CREATE TABLE t (a int UNIQUE NULLS NOT DISTINCT, b int UNIQUE NULLS "
        "DISTINCT)",
        Dialect::PostgreSQL, DdlAction::CreateTable, "t",
        {nullsNotDistinct(unique({"a"})), unique({"b"})}),
    ddl("pg_named_column_constraints",
        "CREATE TABLE t (id bigint CONSTRAINT t_pk PRIMARY KEY, code text "
        "CONSTRAINT t_code_key UNIQUE CONSTRAINT t_code_check CHECK (code <> "
        "''), ref int CONSTRAINT t_ref_fk REFERENCES r (id) UNIQUE)",
        Dialect::PostgreSQL, DdlAction::CreateTable, "t",
        {primary({"id"}, "t_pk"), unique({"code"}, "t_code_key"),
         unique({"ref"})}),
    ddl("pg_table_constraints",
        "CREATE TABLE IF NOT EXISTS app.memberships (org_id int NOT NULL, "
        "user_id int NOT NULL, role text, CONSTRAINT memberships_pkey PRIMARY "
        "KEY (org_id, user_id), UNIQUE NULLS NOT DISTINCT (org_id, role), "
        "CHECK (role <> ''), FOREIGN KEY (org_id) REFERENCES orgs (id), "
        "EXCLUDE USING gist (role WITH =), UNIQUE (user_id) INCLUDE (role) "
        "DEFERRABLE INITIALLY DEFERRED)",
        Dialect::PostgreSQL, DdlAction::CreateTable, "app.memberships",
        {primary({"org_id", "user_id"}, "memberships_pkey"),
         nullsNotDistinct(unique({"org_id", "role"})), unique({"user_id"})}),
    ddl("pg_unlogged_if_not_exists",
        "CREATE UNLOGGED TABLE IF NOT EXISTS cache (k text PRIMARY KEY, v "
        "jsonb)",
        Dialect::PostgreSQL, DdlAction::CreateTable, "cache", {primary({"k"})}),
    ddl("pg_temp_table", "CREATE TEMP TABLE tmp (k int UNIQUE)",
        Dialect::PostgreSQL, DdlAction::CreateTable, "tmp", {unique({"k"})}),
    ddl("pg_quoted_names",
        "CREATE TABLE \"Users\" (\"Email\" text UNIQUE, \"id\" int PRIMARY "
        "KEY, CONSTRAINT \"Users_Name_key\" UNIQUE (\"FirstName\", Last_Name))",
        Dialect::PostgreSQL, DdlAction::CreateTable, "Users",
        {unique({"Email"}), primary({"id"}),
         unique({"FirstName", "last_name"}, "Users_Name_key")}),
    ddl("pg_identity_key_column",
        "CREATE TABLE settings (key text PRIMARY KEY, id bigint GENERATED "
        "ALWAYS AS IDENTITY (START WITH 10) UNIQUE)",
        Dialect::PostgreSQL, DdlAction::CreateTable, "settings",
        {primary({"key"}), unique({"id"})}),
    ddl("pg_create_table_as",
        "CREATE TABLE archive AS SELECT id, email FROM users WHERE deleted",
        Dialect::PostgreSQL, DdlAction::CreateTable, "archive", {}),
    ddl("pg_create_table_as_with_names",
        "CREATE TABLE t2 (a, b) AS SELECT x, y FROM t", Dialect::PostgreSQL,
        DdlAction::CreateTable, "t2", {}),
    ddl("pg_partition_of",
        "CREATE TABLE m_2024 PARTITION OF measurements (UNIQUE (city_id, "
        "logdate)) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
        Dialect::PostgreSQL, DdlAction::CreateTable, "m_2024",
        {unique({"city_id", "logdate"})}),
    ddl("pg_unique_index",
        "CREATE UNIQUE INDEX users_email_key ON users (email)",
        Dialect::PostgreSQL, DdlAction::CreateIndex, "users",
        {index({"email"}, "users_email_key")}),
    ddl("pg_index_expression_in_parens",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_lower ON ONLY "
        "public.users USING btree ((lower(email)))",
        Dialect::PostgreSQL, DdlAction::CreateIndex, "public.users",
        {index({"lower(email)"}, "ux_lower")}),
    ddl("pg_index_expression_and_column",
        "CREATE UNIQUE INDEX Ux ON users (LOWER( Email ), tenant_id)",
        Dialect::PostgreSQL, DdlAction::CreateIndex, "users",
        {index({"lower(email)", "tenant_id"}, "ux")}),
    ddl("pg_index_part_modifiers",
        "CREATE UNIQUE INDEX ux ON users (email COLLATE \"C\" DESC NULLS LAST, "
        "handle text_pattern_ops, (lower(name)) varchar_pattern_ops, (slug))",
        Dialect::PostgreSQL, DdlAction::CreateIndex, "users",
        {index({"email", "handle", "lower(name)", "slug"}, "ux")}),
    ddl("pg_index_expressions",
        "CREATE UNIQUE INDEX ux_ev ON events ((payload ->> 'Id'), "
        "date_trunc('day', created_at), (a + b))",
        Dialect::PostgreSQL, DdlAction::CreateIndex, "events",
        {index({"payload->>'Id'", "date_trunc('day',created_at)", "a+b"},
               "ux_ev")}),
    ddl("pg_partial_index",
        "CREATE UNIQUE INDEX ux_active ON users (email) INCLUDE (name) NULLS "
        "NOT DISTINCT WITH (fillfactor = 90) WHERE deleted_at IS NULL AND  "
        "active ",
        Dialect::PostgreSQL, DdlAction::CreateIndex, "users",
        {nullsNotDistinct(
            index({"email"}, "ux_active", "deleted_at IS NULL AND  active"))}),
    ddl("pg_unnamed_index", "CREATE UNIQUE INDEX ON t (a, b)",
        Dialect::PostgreSQL, DdlAction::CreateIndex, "t",
        {index({"a", "b"}, "")}),
    ddl("pg_plain_index", "CREATE INDEX ix_users_email ON users (email)",
        Dialect::PostgreSQL, DdlAction::CreateIndex, "users", {}),
    ddl("pg_alter_add_primary_key",
        "ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY "
        "(id)",
        Dialect::PostgreSQL, DdlAction::AlterTable, "public.users",
        {primary({"id"}, "users_pkey")}),
    ddl("pg_alter_several_actions",
        "ALTER TABLE IF EXISTS users ADD COLUMN handle text UNIQUE, ADD "
        "CONSTRAINT users_org_email UNIQUE (org_id, email), ALTER COLUMN name "
        "SET NOT NULL, ADD CHECK (email <> '')",
        Dialect::PostgreSQL, DdlAction::AlterTable, "users",
        {unique({"handle"}), unique({"org_id", "email"}, "users_org_email")}),
    ddl("pg_alter_using_index",
        "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX "
        "ux_email",
        Dialect::PostgreSQL, DdlAction::AlterTable, "users",
        {usingIndex(unique({}, "users_email_key"), "ux_email")}),
    ddl("pg_drop_constraint",
        "ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key CASCADE",
        Dialect::PostgreSQL, DdlAction::DropConstraint, "users", {},
        "users_email_key"),
    ddl("pg_drop_and_add_constraint",
        "ALTER TABLE users DROP CONSTRAINT users_email_key, ADD CONSTRAINT "
        "users_email_lower UNIQUE (email_lower)",
        Dialect::PostgreSQL, DdlAction::DropConstraint, "users",
        {unique({"email_lower"}, "users_email_lower")}, "users_email_key"),
    ddl("pg_drop_column_is_alter", "ALTER TABLE users DROP COLUMN email",
        Dialect::PostgreSQL, DdlAction::AlterTable, "users", {}),
    ddl("pg_drop_index", "DROP INDEX CONCURRENTLY IF EXISTS app.ux_email",
        Dialect::PostgreSQL, DdlAction::DropIndex, "", {}, "app.ux_email"),
    ddl("pg_drop_table", "DROP TABLE IF EXISTS users, sessions CASCADE",
        Dialect::PostgreSQL, DdlAction::DropTable, "users", {}),
    ddl("pg_create_view", "CREATE OR REPLACE VIEW v AS SELECT * FROM users",
        Dialect::PostgreSQL, DdlAction::Other, "v", {}),
    ddl("pg_alter_index", "ALTER INDEX ux RENAME TO ux2", Dialect::PostgreSQL,
        DdlAction::Other, "", {}),
    ddl("pg_truncate", "TRUNCATE users", Dialect::PostgreSQL, DdlAction::Other,
        "users", {}),

    ////===-- MySQL / MariaDB
    ddl("mysql_create_table",
        "CREATE TABLE `users` (`id` INT NOT NULL AUTO_INCREMENT, `email` "
        "VARCHAR(255) NOT NULL, Handle VARCHAR(64), PRIMARY KEY (`id`), UNIQUE "
        "KEY `ux_email` (`email`), UNIQUE INDEX ux_handle (Handle(10)), KEY "
        "`ix_created` (created_at), INDEX (email, id), FULLTEXT KEY ft "
        "(`Handle`), CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id)) "
        "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
        Dialect::MySQL, DdlAction::CreateTable, "users",
        {primary({"id"}, "primary"), unique({"email"}, "ux_email"),
         unique({"handle"}, "ux_handle")}),
    ddl("mysql_column_keys",
        "CREATE TABLE t (id BIGINT PRIMARY KEY AUTO_INCREMENT, code CHAR(3) "
        "UNIQUE KEY, n INT)",
        Dialect::MySQL, DdlAction::CreateTable, "t",
        {primary({"id"}, "primary"), unique({"code"})}),
    ddl("mysql_bare_key_column", "CREATE TABLE t (id INT NOT NULL KEY)",
        Dialect::MySQL, DdlAction::CreateTable, "t",
        {primary({"id"}, "primary")}),
    ddl("mysql_constraint_unique",
        "CREATE TABLE t (a INT, b INT, CONSTRAINT uq_ab UNIQUE (a, b), "
        "CONSTRAINT UNIQUE KEY (b), CONSTRAINT c UNIQUE KEY ux_b2 USING BTREE "
        "(b DESC))",
        Dialect::MySQL, DdlAction::CreateTable, "t",
        {unique({"a", "b"}, "uq_ab"), unique({"b"}), unique({"b"}, "ux_b2")}),
    ddl("mysql_unique_index_prefix",
        "CREATE UNIQUE INDEX ux_email ON users (email(191)) USING BTREE "
        "ALGORITHM=INPLACE",
        Dialect::MySQL, DdlAction::CreateIndex, "users",
        {index({"email"}, "ux_email")}),
    ddl("mysql_alter_add_unique",
        "ALTER TABLE users ADD UNIQUE KEY ux_email (email), ADD INDEX ix_name "
        "(name), ADD UNIQUE (handle)",
        Dialect::MySQL, DdlAction::AlterTable, "users",
        {unique({"email"}, "ux_email"), unique({"handle"})}),
    ddl("mysql_alter_add_primary_key",
        "ALTER TABLE users ADD PRIMARY KEY (id), ALGORITHM=INPLACE, LOCK=NONE",
        Dialect::MySQL, DdlAction::AlterTable, "users",
        {primary({"id"}, "primary")}),
    ddl("mysql_alter_modify_unique",
        "ALTER TABLE users MODIFY COLUMN email VARCHAR(255) NOT NULL UNIQUE",
        Dialect::MySQL, DdlAction::AlterTable, "users", {unique({"email"})}),
    ddl("mysql_drop_index", "ALTER TABLE users DROP INDEX ux_email",
        Dialect::MySQL, DdlAction::DropConstraint, "users", {}, "ux_email"),
    ddl("mysql_drop_primary_key", "ALTER TABLE users DROP PRIMARY KEY",
        Dialect::MySQL, DdlAction::DropConstraint, "users", {}, "primary"),
    ddl("mysql_drop_index_on", "DROP INDEX `ux_email` ON `app`.`users`",
        Dialect::MySQL, DdlAction::DropIndex, "app.users", {}, "ux_email"),
    ddl("mysql_drop_temporary_table", "DROP TEMPORARY TABLE IF EXISTS tmp_ids",
        Dialect::MySQL, DdlAction::DropTable, "tmp_ids", {}),

    ////===-- SQLite
    ddl("sqlite_autoincrement",
        "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY "
        "AUTOINCREMENT, email TEXT NOT NULL UNIQUE ON CONFLICT IGNORE, name)",
        Dialect::SQLite, DdlAction::CreateTable, "users",
        {primary({"id"}), unique({"email"})}),
    ddl("sqlite_table_constraints",
        "CREATE TABLE tags (post_id, tag COLLATE NOCASE, PRIMARY KEY (post_id, "
        "tag) ON CONFLICT REPLACE, UNIQUE (tag, post_id)) WITHOUT ROWID",
        Dialect::SQLite, DdlAction::CreateTable, "tags",
        {primary({"post_id", "tag"}), unique({"tag", "post_id"})}),
    ddl("sqlite_unique_index_collate",
        "CREATE UNIQUE INDEX IF NOT EXISTS ux_email ON users(email COLLATE "
        "NOCASE)",
        Dialect::SQLite, DdlAction::CreateIndex, "users",
        {index({"email"}, "ux_email")}),
    ddl("sqlite_partial_expression_index",
        "CREATE UNIQUE INDEX main.ux ON t (a + b, lower(c)) WHERE c IS NOT "
        "NULL",
        Dialect::SQLite, DdlAction::CreateIndex, "t",
        {index({"a+b", "lower(c)"}, "main.ux", "c IS NOT NULL")}),
    ddl("sqlite_virtual_table",
        "CREATE VIRTUAL TABLE docs USING fts5(title, body)", Dialect::SQLite,
        DdlAction::CreateTable, "docs", {}),
    ddl("sqlite_add_column", "ALTER TABLE users ADD COLUMN nickname TEXT",
        Dialect::SQLite, DdlAction::AlterTable, "users", {}),
    ddl("sqlite_drop_index", "DROP INDEX IF EXISTS ux_email", Dialect::SQLite,
        DdlAction::DropIndex, "", {}, "ux_email"),

    ////===-- SQL Server
    ddl("tsql_create_table",
        "CREATE TABLE [dbo].[Users] ([Id] INT IDENTITY(1,1) NOT NULL, [Email] "
        "NVARCHAR(256) NOT NULL CONSTRAINT [UQ_Users_Email] UNIQUE "
        "NONCLUSTERED, CONSTRAINT [PK_Users] PRIMARY KEY CLUSTERED ([Id] ASC) "
        "WITH (PAD_INDEX = OFF) ON [PRIMARY]) ON [PRIMARY]",
        Dialect::SQLServer, DdlAction::CreateTable, "dbo.Users",
        {unique({"Email"}, "UQ_Users_Email"), primary({"Id"}, "PK_Users")}),
    ddl("tsql_temp_table_unique_nonclustered",
        "CREATE TABLE #work (a INT, b INT, UNIQUE NONCLUSTERED (a, b))",
        Dialect::SQLServer, DdlAction::CreateTable, "#work",
        {unique({"a", "b"})}),
    ddl("tsql_inline_indexes",
        "CREATE TABLE t (a INT, b INT, INDEX ix_a UNIQUE NONCLUSTERED (a) "
        "WHERE a IS NOT NULL, INDEX ix_b (b))",
        Dialect::SQLServer, DdlAction::CreateTable, "t",
        {index({"a"}, "ix_a", "a IS NOT NULL")}),
    ddl("tsql_filtered_index",
        "CREATE UNIQUE NONCLUSTERED INDEX UX_Users_Email ON dbo.Users (Email) "
        "INCLUDE (Name) WHERE Email IS NOT NULL WITH (ONLINE = ON) ON "
        "[PRIMARY]",
        Dialect::SQLServer, DdlAction::CreateIndex, "dbo.users",
        {index({"email"}, "ux_users_email", "Email IS NOT NULL")}),
    ddl("tsql_alter_add_two",
        "ALTER TABLE dbo.Users WITH NOCHECK ADD CONSTRAINT UQ_a UNIQUE (a), "
        "CONSTRAINT PK_u PRIMARY KEY CLUSTERED (id)",
        Dialect::SQLServer, DdlAction::AlterTable, "dbo.users",
        {unique({"a"}, "uq_a"), primary({"id"}, "pk_u")}),
    ddl("tsql_drop_constraint",
        "ALTER TABLE dbo.Users DROP CONSTRAINT UQ_Users_Email",
        Dialect::SQLServer, DdlAction::DropConstraint, "dbo.users", {},
        "uq_users_email"),
    ddl("tsql_drop_index_on", "DROP INDEX UX_Users_Email ON dbo.Users",
        Dialect::SQLServer, DdlAction::DropIndex, "dbo.users", {},
        "ux_users_email"),

    ////===-- Any dialect
    ddl("unknown_column_named_key",
        "CREATE TABLE kv (key VARCHAR(255) UNIQUE, KEY ix_v (v), v text)",
        Dialect::Unknown, DdlAction::CreateTable, "kv", {unique({"key"})}),

    ////===-- Holes: the name becomes empty, the key keeps its arity
    ddl("hole_table", "CREATE TABLE ~ (id INT PRIMARY KEY)",
        Dialect::PostgreSQL, DdlAction::CreateTable, "", {primary({"id"})}),
    ddl("hole_columns", "CREATE TABLE t (~ INT UNIQUE, UNIQUE (a, col_~))",
        Dialect::PostgreSQL, DdlAction::CreateTable, "t",
        {unique({""}), unique({"a", ""})}),
    ddl("hole_index_name", "CREATE UNIQUE INDEX ux_~ ON t (a)", Dialect::SQLite,
        DdlAction::CreateIndex, "t", {index({"a"}, "")}),
    ddl("hole_index_expression", "CREATE UNIQUE INDEX ux ON t (lower(~), b)",
        Dialect::PostgreSQL, DdlAction::CreateIndex, "t",
        {index({"", "b"}, "ux")}),
    ddl("hole_dropped_name", "ALTER TABLE t DROP CONSTRAINT ~",
        Dialect::PostgreSQL, DdlAction::DropConstraint, "t", {}),

    ////===-- Malformed: what can be known, and a Problem
    ddl("bad_primary_key_without_columns",
        "CREATE TABLE t (a INT, PRIMARY KEY)", Dialect::PostgreSQL,
        DdlAction::CreateTable, "t", {primary({})}, "", true),
    ddl("bad_unclosed_table",
        "CREATE TABLE t (id INT PRIMARY KEY, email TEXT UNIQUE",
        Dialect::PostgreSQL, DdlAction::CreateTable, "t",
        {primary({"id"}), unique({"email"})}, "", true),
    ddl("bad_unclosed_index", "CREATE UNIQUE INDEX ux ON t (a, lower(b",
        Dialect::PostgreSQL, DdlAction::CreateIndex, "t",
        {index({"a", ""}, "ux")}, "", true),
    ddl("bad_index_without_columns", "CREATE UNIQUE INDEX ux ON t",
        Dialect::PostgreSQL, DdlAction::CreateIndex, "t", {index({}, "ux")}, "",
        true),
    ddl("bad_index_without_table", "CREATE UNIQUE INDEX ux",
        Dialect::PostgreSQL, DdlAction::CreateIndex, "", {}, "", true),
    ddl("bad_empty_key_part", "CREATE TABLE t (a INT, UNIQUE (a,,b))",
        Dialect::MySQL, DdlAction::CreateTable, "t", {unique({"a", "", "b"})},
        "", true),
    ddl("bad_empty_key_list", "CREATE TABLE t (a INT UNIQUE, UNIQUE ())",
        Dialect::SQLite, DdlAction::CreateTable, "t",
        {unique({"a"}), unique({})}, "", true),
    ddl("bad_table_without_columns", "CREATE TABLE t", Dialect::SQLite,
        DdlAction::CreateTable, "t", {}, "", true),
    ddl("bad_alter_without_action", "ALTER TABLE t", Dialect::PostgreSQL,
        DdlAction::AlterTable, "t", {}, "", true),
    ddl("bad_drop_constraint_without_name", "ALTER TABLE t DROP CONSTRAINT",
        Dialect::SQLServer, DdlAction::DropConstraint, "t", {}, "", true),
    ddl("bad_drop_index_without_name", "DROP INDEX", Dialect::MySQL,
        DdlAction::DropIndex, "", {}, "", true),
    ddl("bad_table_element", "CREATE TABLE t (id INT UNIQUE, 42)",
        Dialect::PostgreSQL, DdlAction::CreateTable, "t", {unique({"id"})}, "",
        true),
};

class DdlFactsTest : public testing::TestWithParam<DdlCase> {};

TEST_P(DdlFactsTest, Facts) {
  const DdlCase &C = GetParam();
  StatementFacts F = one(C.Sql, C.D);
  EXPECT_EQ(F.Kind, StatementKind::DDL);
  EXPECT_EQ(F.Ddl, C.Ddl);
  EXPECT_EQ(F.Table, C.Table);
  EXPECT_EQ(F.DroppedName, C.Dropped);
  if (C.Problem)
    EXPECT_NE(F.Problem, "");
  else
    EXPECT_EQ(F.Problem, "");
  expectKeys(F, C.Expected, C.Name);
}

INSTANTIATE_TEST_SUITE_P(Statements, DdlFactsTest, testing::ValuesIn(Cases),
                         [](const testing::TestParamInfo<DdlCase> &I) {
                           return std::string(I.param.Name);
                         });

//===-- Scripts and other statements --------------------------------------===//

TEST(DdlScript, SchemaFile) {
  const char *Schema = R"sql(
-- schema.sql: accounts.
/* Users; emails are unique per tenant
   and, case-insensitively, among live users. */
CREATE TABLE IF NOT EXISTS public.users (
    id          bigserial PRIMARY KEY,
    email       text NOT NULL,
    handle      text UNIQUE,          -- public name; see "UNIQUE (x)"
    tenant_id   int  NOT NULL REFERENCES tenants (id),
    deleted_at  timestamptz,
    CONSTRAINT users_tenant_email UNIQUE (tenant_id, email)
);

CREATE UNIQUE INDEX users_email_lower ON public.users (lower(email))
    WHERE deleted_at IS NULL;
CREATE INDEX users_tenant ON public.users (tenant_id);

CREATE TABLE sessions (
    token   text,
    user_id bigint NOT NULL,
    PRIMARY KEY (token)
);
CREATE UNIQUE INDEX IF NOT EXISTS "Sessions_User"
    ON sessions ("user_id", token);
COMMENT ON TABLE sessions IS 'one row per login; PRIMARY KEY (token)';
INSERT INTO tenants (id) VALUES (1);
)sql";
  std::vector<StatementFacts> All = analyzeSql(Schema, Dialect::PostgreSQL);
  ASSERT_EQ(All.size(), 7u);
  for (const StatementFacts &F : All)
    EXPECT_EQ(F.Problem, "") << Schema + F.Begin;

  EXPECT_EQ(All[0].Ddl, DdlAction::CreateTable);
  EXPECT_EQ(All[0].Table, "public.users");
  expectKeys(All[0],
             {primary({"id"}), unique({"handle"}),
              unique({"tenant_id", "email"}, "users_tenant_email")},
             "users");

  EXPECT_EQ(All[1].Ddl, DdlAction::CreateIndex);
  EXPECT_EQ(All[1].Table, "public.users");
  expectKeys(
      All[1],
      {index({"lower(email)"}, "users_email_lower", "deleted_at IS NULL")},
      "users_email_lower");

  EXPECT_EQ(All[2].Ddl, DdlAction::CreateIndex);
  expectKeys(All[2], {}, "users_tenant");

  EXPECT_EQ(All[3].Ddl, DdlAction::CreateTable);
  EXPECT_EQ(All[3].Table, "sessions");
  expectKeys(All[3], {primary({"token"})}, "sessions");

  EXPECT_EQ(All[4].Ddl, DdlAction::CreateIndex);
  EXPECT_EQ(All[4].Table, "sessions");
  expectKeys(All[4], {index({"user_id", "token"}, "Sessions_User")},
             "Sessions_User");

  EXPECT_EQ(All[5].Kind, StatementKind::Other); // COMMENT ON
  EXPECT_EQ(All[5].Ddl, DdlAction::None);
  EXPECT_EQ(All[6].Kind, StatementKind::Insert);
  EXPECT_EQ(All[6].Ddl, DdlAction::None);
  EXPECT_TRUE(All[5].UniqueKeys.empty() && All[6].UniqueKeys.empty());
}

TEST(DdlScript, MySqlDumpWithMigration) {
  const char *Dump = R"sql(
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS `orders`;
CREATE TABLE `orders` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` bigint NOT NULL,
  `external_ref` varchar(64) COLLATE utf8mb4_bin DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uniq_customer_ref` (`customer_id`,`external_ref`),
  KEY `idx_customer` (`customer_id`)
) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4;
# migration 002
ALTER TABLE `orders` DROP INDEX `uniq_customer_ref`,
  ADD UNIQUE INDEX `uniq_ref` (`external_ref`);
)sql";
  std::vector<StatementFacts> All = analyzeSql(Dump, Dialect::MySQL);
  // The versioned comment is a comment: its ';' ends an empty statement.
  ASSERT_EQ(All.size(), 3u);
  EXPECT_EQ(All[0].Ddl, DdlAction::DropTable);
  EXPECT_EQ(All[0].Table, "orders");
  EXPECT_EQ(All[1].Ddl, DdlAction::CreateTable);
  expectKeys(All[1],
             {primary({"id"}, "primary"),
              unique({"customer_id", "external_ref"}, "uniq_customer_ref")},
             "orders");
  EXPECT_EQ(All[2].Ddl, DdlAction::DropConstraint);
  EXPECT_EQ(All[2].DroppedName, "uniq_customer_ref");
  expectKeys(All[2], {unique({"external_ref"}, "uniq_ref")}, "migration");
}

TEST(DdlScript, SqliteSchemaWithTrigger) {
  std::vector<StatementFacts> All = analyzeSql(
      "CREATE TABLE a (x TEXT PRIMARY KEY); CREATE TRIGGER tr AFTER INSERT "
      "ON a BEGIN INSERT INTO log VALUES (new.x); END; CREATE UNIQUE INDEX "
      "ux ON log (x)",
      Dialect::SQLite);
  ASSERT_EQ(All.size(), 3u);
  EXPECT_EQ(All[0].Ddl, DdlAction::CreateTable);
  EXPECT_EQ(All[1].Ddl, DdlAction::Other);
  EXPECT_TRUE(All[1].UniqueKeys.empty());
  EXPECT_EQ(All[2].Ddl, DdlAction::CreateIndex);
  expectKeys(All[2], {index({"x"}, "ux")}, "ux");
}

TEST(Ddl, DropTableWritesEveryTable) {
  StatementFacts F = one("DROP TABLE a, app.b", Dialect::PostgreSQL);
  EXPECT_EQ(F.Ddl, DdlAction::DropTable);
  EXPECT_EQ(F.Table, "a");
  EXPECT_EQ(F.TablesWritten, (Strings{"a", "app.b"}));
}

TEST(Ddl, OtherDdlIsOther) {
  for (const char *Sql :
       {"CREATE SEQUENCE s", "CREATE SCHEMA app", "DROP VIEW v",
        "CREATE MATERIALIZED VIEW mv AS SELECT 1", "RENAME TABLE a TO b",
        "ALTER SEQUENCE s RESTART", "CREATE EXTENSION citext",
        "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql"}) {
    StatementFacts F = one(Sql);
    EXPECT_EQ(F.Kind, StatementKind::DDL) << Sql;
    EXPECT_EQ(F.Ddl, DdlAction::Other) << Sql;
    EXPECT_TRUE(F.UniqueKeys.empty()) << Sql;
    EXPECT_EQ(F.DroppedName, "") << Sql;
  }
}

TEST(Ddl, NonDdlKeepsNone) {
  for (Dialect D : AllDialects)
    for (const char *Sql :
         {"SELECT 1 FROM t WHERE k = $P1", "INSERT INTO t (k) VALUES ($P1)",
          "UPDATE t SET unique_count = 1 WHERE id = $P1", "BEGIN",
          "DELETE FROM t WHERE k = $P1"}) {
      StatementFacts F = one(Sql, D);
      EXPECT_EQ(F.Ddl, DdlAction::None) << Sql;
      EXPECT_TRUE(F.UniqueKeys.empty()) << Sql;
      EXPECT_EQ(F.DroppedName, "") << Sql;
    }
}

//===-- Tables DDL reads --------------------------------------------------===//

/// CREATE TABLE ... AS and views read their query; REFERENCES names the
/// table a foreign key points to; PARTITION OF names the parent.
TEST(Ddl, TablesRead) {
  struct Case {
    const char *Sql;
    Dialect D;
    Strings Read;
  };
  const Case Cases[] = {
      {"CREATE TABLE archive AS SELECT id, email FROM users WHERE deleted",
       Dialect::PostgreSQL,
       {"users"}},
      {"CREATE TABLE t2 (a, b) AS SELECT x, y FROM t JOIN app.u ON true",
       Dialect::PostgreSQL,
       {"t", "app.u"}},
      {"CREATE TABLE t AS WITH s AS (SELECT * FROM staging) SELECT * FROM s",
       Dialect::PostgreSQL,
       {"staging"}},
      {"CREATE TABLE t AS TABLE other", Dialect::PostgreSQL, {"other"}},
      {"CREATE TABLE t AS SELECT 1", Dialect::PostgreSQL, {}},
      {"CREATE TABLE t SELECT * FROM src", Dialect::MySQL, {"src"}},
      {"CREATE OR REPLACE VIEW v AS SELECT * FROM users",
       Dialect::PostgreSQL,
       {"users"}},
      {"CREATE VIEW v (a) AS SELECT a FROM x WHERE a IN (SELECT a FROM y)",
       Dialect::PostgreSQL,
       {"x", "y"}},
      {"CREATE MATERIALIZED VIEW mv AS SELECT count(*) FROM orders",
       Dialect::PostgreSQL,
       {"orders"}},
      {"CREATE TABLE t (id int, ref int CONSTRAINT fk REFERENCES r (id))",
       Dialect::PostgreSQL,
       {"r"}},
      {"CREATE TABLE m (org_id int, FOREIGN KEY (org_id) REFERENCES "
       "app.orgs (id) ON DELETE CASCADE)",
       Dialect::PostgreSQL,
       {"app.orgs"}},
      {"ALTER TABLE m ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES "
       "orgs (id)",
       Dialect::PostgreSQL,
       {"orgs"}},
      {"ALTER TABLE m ADD COLUMN u int REFERENCES users",
       Dialect::PostgreSQL,
       {"users"}},
      {"CREATE TABLE m_2024 PARTITION OF measurements FOR VALUES FROM "
       "('2024-01-01') TO ('2025-01-01')",
       Dialect::PostgreSQL,
       {"measurements"}},
      {"CREATE TABLE t (k int UNIQUE)", Dialect::PostgreSQL, {}},
      {"CREATE TABLE t (ref int REFERENCES ~ (id))", Dialect::PostgreSQL, {}},
  };
  for (const Case &C : Cases) {
    StatementFacts F = one(C.Sql, C.D);
    EXPECT_EQ(F.Kind, StatementKind::DDL) << C.Sql;
    EXPECT_EQ(F.TablesRead, C.Read) << C.Sql;
    EXPECT_EQ(F.Problem, "") << C.Sql;
  }
}

//===-- Robustness --------------------------------------------------------===//

TEST(DdlRobustness, EveryPrefixOfASchema) {
  const std::string Schema =
      "CREATE TABLE IF NOT EXISTS \"S\".t (id INT CONSTRAINT pk PRIMARY KEY, "
      "e TEXT UNIQUE NULLS NOT DISTINCT, KEY k (e), INDEX ix UNIQUE (e) WHERE "
      "e > '', CONSTRAINT u UNIQUE KEY n USING BTREE ((lower(e)) DESC, "
      "e(10))); CREATE UNIQUE INDEX CONCURRENTLY ux ON ONLY t USING btree "
      "(lower(e) text_pattern_ops) INCLUDE (id) WHERE e IS NOT NULL; ALTER "
      "TABLE t WITH CHECK ADD CONSTRAINT c UNIQUE USING INDEX ux, DROP "
      "CONSTRAINT IF EXISTS d, ADD (a INT UNIQUE); DROP INDEX ux ON t";
  for (Dialect D : AllDialects)
    for (size_t Len = 0; Len <= Schema.size(); ++Len) {
      std::string Prefix = Schema.substr(0, Len);
      std::vector<StatementFacts> All = analyzeSql(Prefix, D);
      ASSERT_FALSE(All.empty()) << Prefix;
      for (const StatementFacts &F : All) {
        EXPECT_LE(F.End, Prefix.size());
        for (const UniqueKey &K : F.UniqueKeys)
          EXPECT_EQ(K.Table, F.Table) << Prefix;
      }
    }
}

TEST(DdlRobustness, HolesEverywhere) {
  std::string Sql = "CREATE UNIQUE INDEX ux ON t (a, lower(b)) WHERE c = 1";
  for (size_t At = 0; At <= Sql.size(); ++At) {
    std::string Holed = Sql;
    Holed.insert(At, 1, HoleChar);
    std::vector<StatementFacts> All = analyzeSql(Holed, Dialect::PostgreSQL);
    ASSERT_FALSE(All.empty());
    for (const UniqueKey &K : All.front().UniqueKeys)
      for (const std::string &C : K.Columns)
        EXPECT_EQ(C.find(HoleChar), std::string::npos) << At;
  }
}

TEST(DdlRobustness, LargeInputsStayLinear) {
  std::string Table = "CREATE TABLE wide (";
  for (int I = 0; I < 20000; ++I)
    Table += "c" + std::to_string(I) + " INT UNIQUE, ";
  Table += "PRIMARY KEY (c0))";
  std::string Deep = "CREATE UNIQUE INDEX ux ON t (" + std::string(5000, '(') +
                     "a" + std::string(5000, ')') + ")";
  auto Start = std::chrono::steady_clock::now();
  StatementFacts Wide = one(Table, Dialect::PostgreSQL);
  StatementFacts Nested = one(Deep, Dialect::PostgreSQL);
  auto Elapsed = std::chrono::steady_clock::now() - Start;
  EXPECT_EQ(Wide.UniqueKeys.size(), 20001u);
  ASSERT_EQ(Nested.UniqueKeys.size(), 1u);
  // Deeper than the parser descends: the key part is unknown, not a crash.
  EXPECT_EQ(Nested.UniqueKeys[0].Columns, Strings{""});
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(Elapsed).count(),
            5);
}

} // namespace
} // namespace sqlrace::sql::test
