//===- ControlTest.cpp - sqlrace ------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Transaction control, advisory/application/table locks, DDL, and the names
// of dialects and kinds.
//===----------------------------------------------------------------------===//

#include "TestUtil.h"

namespace sqlrace::sql::test {
namespace {

using test::operator<<;

//===-- Transaction control
//-------------------------------------------------===//

struct TxnCase {
  const char *Name;
  const char *Sql;
  Dialect D;
  TxnAction Txn;
  Isolation Iso = Isolation::Unspecified;
  BeginMode Mode = BeginMode::Unspecified;
  bool SessionScope = false;
  bool AutocommitOn = false;
};

const TxnCase TxnCases[] = {
    {"begin", "BEGIN", Dialect::PostgreSQL, TxnAction::Begin},
    {"begin_work", "begin work", Dialect::MySQL, TxnAction::Begin},
    {"begin_transaction", "BEGIN TRANSACTION", Dialect::SQLite,
     TxnAction::Begin},
    {"begin_tran_named", "BEGIN TRAN signup", Dialect::SQLServer,
     TxnAction::Begin},
    {"start_transaction", "START TRANSACTION", Dialect::MySQL,
     TxnAction::Begin},
    {"start_transaction_snapshot", "START TRANSACTION WITH CONSISTENT SNAPSHOT",
     Dialect::MySQL, TxnAction::Begin},
    {"begin_isolation", "BEGIN ISOLATION LEVEL SERIALIZABLE",
     Dialect::PostgreSQL, TxnAction::Begin, Isolation::Serializable},
    {"begin_transaction_isolation",
     "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ", Dialect::PostgreSQL,
     TxnAction::Begin, Isolation::RepeatableRead},
    {"start_isolation_read_only",
     "START TRANSACTION ISOLATION LEVEL READ COMMITTED, READ ONLY",
     Dialect::PostgreSQL, TxnAction::Begin, Isolation::ReadCommitted},
    {"begin_read_uncommitted", "begin isolation level read uncommitted",
     Dialect::PostgreSQL, TxnAction::Begin, Isolation::ReadUncommitted},
    {"begin_deferred", "BEGIN DEFERRED", Dialect::SQLite, TxnAction::Begin,
     Isolation::Unspecified, BeginMode::Deferred},
    {"begin_immediate", "BEGIN IMMEDIATE TRANSACTION", Dialect::SQLite,
     TxnAction::Begin, Isolation::Unspecified, BeginMode::Immediate},
    {"begin_exclusive", "begin exclusive", Dialect::SQLite, TxnAction::Begin,
     Isolation::Unspecified, BeginMode::Exclusive},
    {"commit", "COMMIT", Dialect::Unknown, TxnAction::Commit},
    {"commit_work", "COMMIT WORK", Dialect::MySQL, TxnAction::Commit},
    {"commit_tran", "COMMIT TRAN", Dialect::SQLServer, TxnAction::Commit},
    {"end", "END", Dialect::PostgreSQL, TxnAction::Commit},
    {"end_transaction", "END TRANSACTION", Dialect::SQLite, TxnAction::Commit},
    {"rollback", "ROLLBACK", Dialect::Unknown, TxnAction::Rollback},
    {"rollback_work", "ROLLBACK WORK", Dialect::MySQL, TxnAction::Rollback},
    {"abort", "ABORT", Dialect::PostgreSQL, TxnAction::Rollback},
    {"rollback_to", "ROLLBACK TO SAVEPOINT s1", Dialect::PostgreSQL,
     TxnAction::RollbackToSavepoint},
    {"rollback_to_short", "ROLLBACK TO s1", Dialect::SQLite,
     TxnAction::RollbackToSavepoint},
    {"savepoint", "SAVEPOINT s1", Dialect::PostgreSQL, TxnAction::Savepoint},
    {"save_tran", "SAVE TRANSACTION s1", Dialect::SQLServer,
     TxnAction::Savepoint},
    {"release", "RELEASE SAVEPOINT s1", Dialect::PostgreSQL,
     TxnAction::ReleaseSavepoint},
    {"release_short", "RELEASE s1", Dialect::SQLite,
     TxnAction::ReleaseSavepoint},
    {"set_transaction", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
     Dialect::MySQL, TxnAction::SetTransaction, Isolation::Serializable},
    {"set_session_transaction",
     "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED", Dialect::MySQL,
     TxnAction::SetTransaction, Isolation::ReadCommitted,
     BeginMode::Unspecified, true},
    {"set_global_transaction",
     "SET GLOBAL TRANSACTION ISOLATION LEVEL REPEATABLE READ", Dialect::MySQL,
     TxnAction::SetTransaction, Isolation::RepeatableRead},
    {"set_transaction_pg", "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ",
     Dialect::PostgreSQL, TxnAction::SetTransaction, Isolation::RepeatableRead},
    {"set_session_characteristics",
     "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE",
     Dialect::PostgreSQL, TxnAction::SetTransaction, Isolation::Serializable,
     BeginMode::Unspecified, true},
    {"tsql_set_transaction_is_session",
     "SET TRANSACTION ISOLATION LEVEL SNAPSHOT", Dialect::SQLServer,
     TxnAction::SetTransaction, Isolation::Snapshot, BeginMode::Unspecified,
     true},
    {"default_transaction_isolation",
     "SET default_transaction_isolation = 'serializable'", Dialect::PostgreSQL,
     TxnAction::SetTransaction, Isolation::Serializable, BeginMode::Unspecified,
     true},
    {"mysql_variable_session",
     "SET SESSION transaction_isolation = 'READ-COMMITTED'", Dialect::MySQL,
     TxnAction::SetTransaction, Isolation::ReadCommitted,
     BeginMode::Unspecified, true},
    {"mysql_variable_global", "SET GLOBAL tx_isolation = 'REPEATABLE-READ'",
     Dialect::MySQL, TxnAction::SetTransaction, Isolation::RepeatableRead},
    {"mysql_sysvar_next_only", "SET @@transaction_isolation = 'SERIALIZABLE'",
     Dialect::MySQL, TxnAction::SetTransaction, Isolation::Serializable},
    {"autocommit_0", "SET autocommit = 0", Dialect::MySQL,
     TxnAction::SetAutocommit},
    {"autocommit_1", "SET autocommit=1", Dialect::MySQL,
     TxnAction::SetAutocommit, Isolation::Unspecified, BeginMode::Unspecified,
     false, true},
    {"autocommit_on", "SET AUTOCOMMIT = ON", Dialect::MySQL,
     TxnAction::SetAutocommit, Isolation::Unspecified, BeginMode::Unspecified,
     false, true},
    {"autocommit_off", "SET autocommit = OFF", Dialect::MySQL,
     TxnAction::SetAutocommit},
    {"autocommit_sysvar", "SET @@SESSION.autocommit = 1", Dialect::MySQL,
     TxnAction::SetAutocommit, Isolation::Unspecified, BeginMode::Unspecified,
     false, true},
    {"implicit_transactions_on", "SET IMPLICIT_TRANSACTIONS ON",
     Dialect::SQLServer, TxnAction::SetAutocommit},
};

class TransactionTest : public testing::TestWithParam<TxnCase> {};

TEST_P(TransactionTest, Facts) {
  const TxnCase &C = GetParam();
  StatementFacts F = one(C.Sql, C.D);
  EXPECT_EQ(F.Kind, StatementKind::Transaction);
  EXPECT_EQ(F.Txn, C.Txn);
  EXPECT_EQ(F.Iso, C.Iso);
  EXPECT_EQ(F.Mode, C.Mode);
  EXPECT_EQ(F.SessionScope, C.SessionScope);
  EXPECT_EQ(F.AutocommitOn, C.AutocommitOn);
  EXPECT_EQ(F.Table, "");
  EXPECT_EQ(F.Problem, "");
}

INSTANTIATE_TEST_SUITE_P(Statements, TransactionTest,
                         testing::ValuesIn(TxnCases),
                         [](const testing::TestParamInfo<TxnCase> &I) {
                           return std::string(I.param.Name);
                         });

TEST(Transaction, BlocksAreNotTransactions) {
  EXPECT_EQ(one("BEGIN TRY SELECT 1 END TRY", Dialect::SQLServer).Kind,
            StatementKind::Other);
  EXPECT_EQ(one("END IF", Dialect::MySQL).Kind, StatementKind::Other);
  EXPECT_EQ(one("START SLAVE", Dialect::MySQL).Kind, StatementKind::Other);
}

TEST(Transaction, TSqlBlockShowsItsFirstStatement) {
  std::vector<StatementFacts> All = analyzeSql(
      "BEGIN INSERT INTO t (k) VALUES (@k); END", Dialect::SQLServer);
  ASSERT_EQ(All.size(), 2u);
  EXPECT_EQ(All[0].Kind, StatementKind::Insert);
  EXPECT_EQ(All[0].Table, "t");
  EXPECT_EQ(All[1].Kind, StatementKind::Other);
  EXPECT_EQ(one("END", Dialect::PostgreSQL).Txn, TxnAction::Commit);
}

TEST(Transaction, OtherSetIsOther) {
  StatementFacts F = one("SET search_path TO app, public", Dialect::PostgreSQL);
  EXPECT_EQ(F.Kind, StatementKind::Other);
  EXPECT_EQ(F.Txn, TxnAction::None);
  EXPECT_EQ(one("SET NAMES utf8mb4", Dialect::MySQL).Kind,
            StatementKind::Other);
}

TEST(Transaction, ScriptOfSeveral) {
  std::vector<StatementFacts> All =
      analyzeSql("BEGIN; SELECT 1 FROM t WHERE k = $1 FOR UPDATE; UPDATE t SET "
                 "n = n + 1 WHERE k = $1; COMMIT;",
                 Dialect::PostgreSQL);
  ASSERT_EQ(All.size(), 4u);
  EXPECT_EQ(All[0].Txn, TxnAction::Begin);
  EXPECT_EQ(All[1].Lock, LockStrength::ForUpdate);
  EXPECT_EQ(All[2].Kind, StatementKind::Update);
  EXPECT_EQ(All[3].Txn, TxnAction::Commit);
}

//===-- Advisory and application locks
//----------------------------------------===//

struct LockCallCase {
  const char *Name;
  const char *Sql;
  Dialect D;
  StatementKind Kind;
  LockKind Locking;
  bool TryLock = false;
  bool OwnerSession = false;
};

const LockCallCase LockCallCases[] = {
    {"pg_xact", "SELECT pg_advisory_xact_lock(hashtext($1))",
     Dialect::PostgreSQL, StatementKind::Select, LockKind::AdvisoryXact},
    {"pg_xact_two_keys", "SELECT pg_advisory_xact_lock(1, $1)",
     Dialect::PostgreSQL, StatementKind::Select, LockKind::AdvisoryXact},
    {"pg_try_xact", "SELECT pg_try_advisory_xact_lock($1)", Dialect::PostgreSQL,
     StatementKind::Select, LockKind::AdvisoryXact, true},
    {"pg_xact_shared", "SELECT pg_advisory_xact_lock_shared($1)",
     Dialect::PostgreSQL, StatementKind::Select, LockKind::AdvisoryXact},
    {"pg_session", "SELECT pg_advisory_lock(42)", Dialect::PostgreSQL,
     StatementKind::Select, LockKind::AdvisorySession},
    {"pg_try_session", "select pg_try_advisory_lock(42) as got",
     Dialect::PostgreSQL, StatementKind::Select, LockKind::AdvisorySession,
     true},
    {"pg_unlock", "SELECT pg_advisory_unlock(42)", Dialect::PostgreSQL,
     StatementKind::Select, LockKind::AdvisoryUnlock},
    {"pg_unlock_all", "SELECT pg_advisory_unlock_all()", Dialect::PostgreSQL,
     StatementKind::Select, LockKind::AdvisoryUnlock},
    {"pg_qualified", "SELECT pg_catalog.pg_advisory_xact_lock($1)",
     Dialect::PostgreSQL, StatementKind::Select, LockKind::AdvisoryXact},
    {"pg_perform", "PERFORM pg_advisory_xact_lock(k)", Dialect::PostgreSQL,
     StatementKind::Other, LockKind::AdvisoryXact},
    {"pg_in_case", "SELECT CASE WHEN pg_try_advisory_xact_lock($1) THEN 1 END",
     Dialect::PostgreSQL, StatementKind::Select, LockKind::AdvisoryXact, true},
    {"get_lock", "SELECT GET_LOCK('signup', 10)", Dialect::MySQL,
     StatementKind::Select, LockKind::GetLock},
    {"get_lock_try", "SELECT GET_LOCK(CONCAT('signup:', ?), 0)", Dialect::MySQL,
     StatementKind::Select, LockKind::GetLock, true},
    {"get_lock_param_timeout", "SELECT GET_LOCK(?, ?)", Dialect::MySQL,
     StatementKind::Select, LockKind::GetLock},
    {"get_lock_infinite", "SELECT GET_LOCK('x', -1)", Dialect::MySQL,
     StatementKind::Select, LockKind::GetLock},
    {"release_lock", "SELECT RELEASE_LOCK('signup')", Dialect::MySQL,
     StatementKind::Select, LockKind::ReleaseLock},
    {"release_all_locks", "SELECT RELEASE_ALL_LOCKS()", Dialect::MySQL,
     StatementKind::Select, LockKind::ReleaseLock},
    {"mysql_do", "DO GET_LOCK('x', 5)", Dialect::MySQL, StatementKind::Other,
     LockKind::GetLock},
    {"applock",
     "EXEC @rc = sp_getapplock @Resource = N'signup', @LockMode = 'Exclusive'",
     Dialect::SQLServer, StatementKind::Other, LockKind::AppLock},
    {"applock_session",
     "EXEC @rc = sp_getapplock @Resource = N'signup', @LockMode = "
     "'Exclusive', @LockOwner = 'Session'",
     Dialect::SQLServer, StatementKind::Other, LockKind::AppLock, false, true},
    {"applock_transaction_owner",
     "EXEC sp_getapplock @Resource = 'x', @LockMode = 'Exclusive', "
     "@LockOwner = 'Transaction', @LockTimeout = 5000",
     Dialect::SQLServer, StatementKind::Other, LockKind::AppLock},
    {"applock_try",
     "EXECUTE sp_getapplock @Resource = 'x', @LockMode = 'Exclusive', "
     "@LockTimeout = 0",
     Dialect::SQLServer, StatementKind::Other, LockKind::AppLock, true},
    {"applock_positional", "EXEC dbo.sp_getapplock 'x', 'Exclusive', 'Session'",
     Dialect::SQLServer, StatementKind::Other, LockKind::AppLock, false, true},
    {"applock_after_declare",
     "DECLARE @r int EXEC @r = sp_getapplock @Resource = 'x', @LockMode = "
     "'Exclusive', @LockOwner = N'session'",
     Dialect::SQLServer, StatementKind::Other, LockKind::AppLock, false, true},
    {"appunlock", "EXEC sp_releaseapplock @Resource = N'signup'",
     Dialect::SQLServer, StatementKind::Other, LockKind::AppUnlock},
    {"no_lock", "SELECT lock_timeout FROM settings WHERE id = 1",
     Dialect::Unknown, StatementKind::Select, LockKind::None},
};

class LockCallTest : public testing::TestWithParam<LockCallCase> {};

TEST_P(LockCallTest, Facts) {
  const LockCallCase &C = GetParam();
  StatementFacts F = one(C.Sql, C.D);
  EXPECT_EQ(F.Kind, C.Kind);
  EXPECT_EQ(F.Locking, C.Locking);
  EXPECT_EQ(F.TryLock, C.TryLock);
  EXPECT_EQ(F.AppLockOwnerSession, C.OwnerSession);
  EXPECT_EQ(F.Problem, "");
}

INSTANTIATE_TEST_SUITE_P(Calls, LockCallTest, testing::ValuesIn(LockCallCases),
                         [](const testing::TestParamInfo<LockCallCase> &I) {
                           return std::string(I.param.Name);
                         });

//===-- Table locks
//-----------------------------------------------------------===//

TEST(TableLock, PostgresLockTable) {
  StatementFacts F =
      one("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE", Dialect::PostgreSQL);
  EXPECT_EQ(F.Kind, StatementKind::Lock);
  EXPECT_EQ(F.Locking, LockKind::TableLock);
  EXPECT_EQ(F.Table, "users");
  EXPECT_EQ(F.TablesWritten, (Strings{"users"}));
  EXPECT_TRUE(F.TablesRead.empty());
}

TEST(TableLock, PostgresSeveralTablesNoWait) {
  StatementFacts F = one("LOCK TABLE ONLY a, app.b IN EXCLUSIVE MODE NOWAIT",
                         Dialect::PostgreSQL);
  EXPECT_EQ(F.TablesWritten, (Strings{"a", "app.b"}));
  EXPECT_TRUE(F.LockNoWait);
}

TEST(TableLock, PostgresWithoutTableWord) {
  StatementFacts F = one("LOCK users", Dialect::PostgreSQL);
  EXPECT_EQ(F.Locking, LockKind::TableLock);
  EXPECT_EQ(F.TablesWritten, (Strings{"users"}));
}

TEST(TableLock, MySqlWriteAndRead) {
  StatementFacts F =
      one("LOCK TABLES users WRITE, audit AS a READ LOCAL", Dialect::MySQL);
  EXPECT_EQ(F.Kind, StatementKind::Lock);
  EXPECT_EQ(F.Locking, LockKind::TableLock);
  EXPECT_EQ(F.Table, "users");
  EXPECT_EQ(F.TablesWritten, (Strings{"users"}));
  EXPECT_EQ(F.TablesRead, (Strings{"audit"}));
}

TEST(TableLock, MySqlLowPriorityWrite) {
  StatementFacts F = one("LOCK TABLES t LOW_PRIORITY WRITE", Dialect::MySQL);
  EXPECT_EQ(F.TablesWritten, (Strings{"t"}));
}

TEST(TableLock, UnlockTables) {
  StatementFacts F = one("UNLOCK TABLES", Dialect::MySQL);
  EXPECT_EQ(F.Kind, StatementKind::Lock);
  EXPECT_EQ(F.Locking, LockKind::UnlockTables);
  EXPECT_TRUE(F.TablesWritten.empty());
}

TEST(TableLock, MissingTableIsAProblem) {
  StatementFacts F = one("LOCK TABLES", Dialect::MySQL);
  EXPECT_EQ(F.Kind, StatementKind::Lock);
  EXPECT_NE(F.Problem, "");
}

//===-- DDL
//----------------------------------------------------------------===//

struct DdlCase {
  const char *Name;
  const char *Sql;
  const char *Table;
  Strings Written;
};

const DdlCase DdlCases[] = {
    {"create_table",
     "CREATE TABLE users (id INT PRIMARY KEY, email TEXT)",
     "users",
     {"users"}},
    {"create_table_if_not_exists",
     "CREATE TABLE IF NOT EXISTS app.users (id INT)",
     "app.users",
     {"app.users"}},
    {"create_temp_table",
     "CREATE TEMPORARY TABLE tmp_x (a INT)",
     "tmp_x",
     {"tmp_x"}},
    {"create_unique_index",
     "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux ON users "
     "(lower(email))",
     "users",
     {"users"}},
    {"create_index_only",
     "CREATE INDEX ix ON ONLY parent (a)",
     "parent",
     {"parent"}},
    {"drop_table", "DROP TABLE IF EXISTS users CASCADE", "users", {"users"}},
    {"drop_index_on", "DROP INDEX ix ON users", "users", {"users"}},
    {"drop_index", "DROP INDEX ix", "", {}},
    {"alter_table",
     "ALTER TABLE ONLY users ADD COLUMN x INT",
     "users",
     {"users"}},
    {"truncate", "TRUNCATE TABLE users", "users", {"users"}},
    {"truncate_many", "TRUNCATE a, b", "a", {"a", "b"}},
    {"create_view",
     "CREATE OR REPLACE VIEW v AS SELECT * FROM users",
     "v",
     {"v"}},
    {"create_trigger",
     "CREATE TRIGGER trg AFTER INSERT ON users FOR EACH ROW EXECUTE "
     "FUNCTION f()",
     "users",
     {"users"}},
    {"create_function",
     "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
     "f",
     {}},
    {"rename_table", "RENAME TABLE a TO b", "a", {"a"}},
};

class DdlTest : public testing::TestWithParam<DdlCase> {};

TEST_P(DdlTest, Subject) {
  const DdlCase &C = GetParam();
  StatementFacts F = one(C.Sql);
  EXPECT_EQ(F.Kind, StatementKind::DDL);
  EXPECT_EQ(F.Table, C.Table);
  EXPECT_EQ(F.TablesWritten, C.Written);
  EXPECT_EQ(F.Problem, "");
}

INSTANTIATE_TEST_SUITE_P(Statements, DdlTest, testing::ValuesIn(DdlCases),
                         [](const testing::TestParamInfo<DdlCase> &I) {
                           return std::string(I.param.Name);
                         });

TEST(Ddl, TriggerBodyIsOneStatement) {
  std::vector<StatementFacts> All = analyzeSql(
      "CREATE TRIGGER tr AFTER INSERT ON users BEGIN UPDATE stats SET n = n + "
      "1; INSERT INTO log VALUES (1); END; SELECT 1",
      Dialect::SQLite);
  ASSERT_EQ(All.size(), 2u);
  EXPECT_EQ(All[0].Kind, StatementKind::DDL);
  EXPECT_EQ(All[0].Table, "users");
  EXPECT_EQ(All[1].Kind, StatementKind::Select);
}

TEST(Ddl, ProcedureWithIfAndCase) {
  std::vector<StatementFacts> All = analyzeSql(
      "CREATE PROCEDURE p() BEGIN IF x THEN SELECT 1; END IF; SELECT CASE WHEN "
      "a THEN 1 END; END; COMMIT",
      Dialect::MySQL);
  ASSERT_EQ(All.size(), 2u);
  EXPECT_EQ(All[0].Kind, StatementKind::DDL);
  EXPECT_EQ(All[1].Txn, TxnAction::Commit);
}

//===-- Other statements and names
//--------------------------------------------===//

TEST(Other, KnownStatementWords) {
  for (const char *Sql :
       {"EXPLAIN SELECT 1", "PRAGMA foreign_keys = ON", "SHOW TABLES", "VACUUM",
        "CALL p(1)", "EXEC dbo.proc @a = 1", "ANALYZE users",
        "DO $$ BEGIN PERFORM 1; END $$"}) {
    StatementFacts F = one(Sql);
    EXPECT_EQ(F.Kind, StatementKind::Other) << Sql;
    EXPECT_EQ(F.Problem, "") << Sql;
  }
}

TEST(Names, ParseDialect) {
  EXPECT_EQ(parseDialect("postgresql"), Dialect::PostgreSQL);
  EXPECT_EQ(parseDialect("PG"), Dialect::PostgreSQL);
  EXPECT_EQ(parseDialect("mysql"), Dialect::MySQL);
  EXPECT_EQ(parseDialect("MariaDB"), Dialect::MySQL);
  EXPECT_EQ(parseDialect("sqlite"), Dialect::SQLite);
  EXPECT_EQ(parseDialect("sqlite3"), Dialect::SQLite);
  EXPECT_EQ(parseDialect("sqlserver"), Dialect::SQLServer);
  EXPECT_EQ(parseDialect("tsql"), Dialect::SQLServer);
  EXPECT_EQ(parseDialect("mssql"), Dialect::SQLServer);
  EXPECT_EQ(parseDialect("oracle"), Dialect::Unknown);
  EXPECT_EQ(parseDialect(""), Dialect::Unknown);
}

TEST(Names, DialectNameRoundTrips) {
  for (Dialect D : AllDialects)
    EXPECT_EQ(parseDialect(dialectName(D)), D) << dialectName(D).str();
  EXPECT_EQ(dialectName(Dialect::Unknown), "unknown");
  EXPECT_EQ(dialectName(Dialect::SQLServer), "sqlserver");
}

TEST(Names, KindNames) {
  EXPECT_EQ(kindName(StatementKind::Select), "select");
  EXPECT_EQ(kindName(StatementKind::Insert), "insert");
  EXPECT_EQ(kindName(StatementKind::Update), "update");
  EXPECT_EQ(kindName(StatementKind::Delete), "delete");
  EXPECT_EQ(kindName(StatementKind::Merge), "merge");
  EXPECT_EQ(kindName(StatementKind::Replace), "replace");
  EXPECT_EQ(kindName(StatementKind::DDL), "ddl");
  EXPECT_EQ(kindName(StatementKind::Transaction), "transaction");
  EXPECT_EQ(kindName(StatementKind::Lock), "lock");
  EXPECT_EQ(kindName(StatementKind::Other), "other");
  EXPECT_EQ(kindName(StatementKind::Unknown), "unknown");
}

} // namespace
} // namespace sqlrace::sql::test
