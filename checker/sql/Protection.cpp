//===- Protection.cpp - sqlrace -------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The table of what protects a check and its act, per dialect and anomaly.
// A check is protected when any row holds. Rows say what prevents the
// anomaly, not whether the code copes with the error the server raises to
// prevent it (40001, 1213, SQLITE_BUSY): those need a retry, which the
// check documents (docs/checks/*.md) but does not verify.
//
// What the table leaves out on purpose, each shown false on a real server:
//  - REPEATABLE READ against a duplicate insert: the other client's new row
//    is no conflict (proof pg-weak-isolation, for PostgreSQL).
//  - MariaDB/InnoDB REPEATABLE READ against a lost update: a plain read is a
//    snapshot and the UPDATE writes over the other commit
//    (my-rmw-lost-update-rr).
//  - A transaction lock taken in autocommit: it is released when its own
//    statement ends (pg-advisory-autocommit); TransactionLock rows need an
//    open transaction.
//  - SELECT ... FOR UPDATE is not a row here: it is a property of the read,
//    not of the connection, and locks nothing for a missing row
//    (pg-for-update-missing-row).
// Not modelled: under PostgreSQL REPEATABLE READ a snapshot taken before
// an advisory lock's wait still misses the other client's row; the lock
// rows count the lock as protecting whatever the level.
//===----------------------------------------------------------------------===//

#include "sqlrace/sql/Protection.h"

namespace sqlrace::sql {
namespace {

constexpr unsigned bit(Dialect D) { return 1u << static_cast<unsigned>(D); }
constexpr unsigned bit(Anomaly A) { return 1u << static_cast<unsigned>(A); }
constexpr unsigned bit(BeginMode M) { return 1u << static_cast<unsigned>(M); }

constexpr unsigned AnyDialect = bit(Dialect::Unknown) |
                                bit(Dialect::PostgreSQL) | bit(Dialect::MySQL) |
                                bit(Dialect::SQLite) | bit(Dialect::SQLServer);
constexpr unsigned EveryAnomaly = bit(Anomaly::DuplicateInsert) |
                                  bit(Anomaly::LostUpdate) |
                                  bit(Anomaly::StaleCheck);
/// The anomalies whose act writes a row the check read: a level that
/// detects write-write conflicts stops them, not a phantom insert.
constexpr unsigned RowWrites = bit(Anomaly::LostUpdate) |
                               bit(Anomaly::StaleCheck);

const ProtectionRule Table[] = {
    // Session locks: pg_advisory_lock, GET_LOCK, sp_getapplock with
    // @LockOwner = 'Session'. Every client that takes the lock before its
    // check waits for the holder to release it, transaction or not
    // (docs/checks/check-then-insert.md, "What is already safe").
    {AnyDialect, EveryAnomaly, Safeguard::SessionLock, Isolation::Unspecified,
     0,
     "a session lock held from the check to the act lets one client at a "
     "time through",
     ""},
    // Transaction locks: pg_advisory_xact_lock, LOCK TABLE ... IN ... MODE.
    // Held until COMMIT or ROLLBACK once taken inside the transaction.
    {AnyDialect, EveryAnomaly, Safeguard::TransactionLock,
     Isolation::Unspecified, 0,
     "a lock taken inside the transaction is held until it ends, so clients "
     "taking it run one after the other",
     ""},
    // PostgreSQL SERIALIZABLE (SSI): the loser gets 40001, at the INSERT or
    // at COMMIT, and must retry.
    {bit(Dialect::PostgreSQL), EveryAnomaly, Safeguard::IsolationLevel,
     Isolation::Serializable, 0,
     "serializable snapshot isolation aborts one of two transactions whose "
     "reads and writes conflict (40001)",
     "pg-serializable-40001"},
    // PostgreSQL REPEATABLE READ: first updater wins. It does not stop a
    // duplicate insert (pg-weak-isolation), hence RowWrites only.
    {bit(Dialect::PostgreSQL), RowWrites, Safeguard::IsolationLevel,
     Isolation::RepeatableRead, 0,
     "a REPEATABLE READ transaction that updates a row changed after its "
     "snapshot fails with 40001 instead of overwriting the change",
     "pg-rmw-repeatable-read"},
    // InnoDB SERIALIZABLE: plain reads inside a transaction become shared
    // locking reads. No duplicate is stored, but the two inserts deadlock and
    // one transaction is rolled back with 1213 (the same outcome as the
    // FOR UPDATE gap lock the check does report; see the proofs README).
    // The lost-update case follows from the same locks but was not run.
    {bit(Dialect::MySQL), EveryAnomaly, Safeguard::IsolationLevel,
     Isolation::Serializable, 0,
     "InnoDB SERIALIZABLE makes plain reads take shared locks, so the second "
     "client waits or is rolled back as a deadlock victim (1213)",
     "my-serializable"},
    // SERIALIZABLE elsewhere: SQL Server holds key-range locks to the end of
    // the transaction; SQLite's transactions are serializable whatever an
    // API says; and with the dialect unknown, every SERIALIZABLE sqlrace
    // knows prevents both anomalies.
    {bit(Dialect::SQLServer) | bit(Dialect::SQLite) | bit(Dialect::Unknown),
     EveryAnomaly, Safeguard::IsolationLevel, Isolation::Serializable, 0,
     "SERIALIZABLE lets no other transaction change what this one read "
     "before it ends",
     ""},
    // SQLite, BEGIN IMMEDIATE / EXCLUSIVE: the write lock is taken by the
    // BEGIN itself.
    {bit(Dialect::SQLite), EveryAnomaly, Safeguard::ExplicitTransaction,
     Isolation::Unspecified,
     bit(BeginMode::Immediate) | bit(BeginMode::Exclusive),
     "BEGIN IMMEDIATE takes the database's write lock at once: the other "
     "client's BEGIN waits, then its check sees the row",
     "sq-begin-immediate"},
    // SQLite, plain or DEFERRED BEGIN: one writer per database file. The
    // second writer fails at once with SQLITE_BUSY (BUSY_SNAPSHOT in WAL
    // mode once the first committed) and must roll back and retry;
    // docs/checks suggest BEGIN IMMEDIATE instead.
    {bit(Dialect::SQLite), EveryAnomaly, Safeguard::ExplicitTransaction,
     Isolation::Unspecified,
     bit(BeginMode::Unspecified) | bit(BeginMode::Deferred),
     "SQLite has one writer: of two deferred transactions the second to "
     "write fails with SQLITE_BUSY, so nothing is duplicated or lost",
     "sq-deferred-begin sq-rmw-deferred"},
};

} // namespace

llvm::StringRef anomalyName(Anomaly A) {
  switch (A) {
  case Anomaly::DuplicateInsert:
    return "duplicate-insert";
  case Anomaly::LostUpdate:
    return "lost-update";
  case Anomaly::StaleCheck:
    return "stale-check";
  }
  return "unknown";
}

bool ProtectionRule::holds(const ProtectionFacts &F) const {
  switch (By) {
  case Safeguard::SessionLock:
    return F.SessionLockHeld;
  case Safeguard::TransactionLock:
    return F.TransactionLockHeld && F.transactionOpen();
  case Safeguard::IsolationLevel:
    return F.transactionOpen() && F.Iso == Level;
  case Safeguard::ExplicitTransaction:
    return F.InTransaction && covers(F.Mode);
  }
  return false;
}

llvm::ArrayRef<ProtectionRule> protectionTable() { return Table; }

const ProtectionRule *protectingRule(Dialect D, Anomaly A,
                                     const ProtectionFacts &F) {
  for (const ProtectionRule &R : Table)
    if (R.covers(D) && R.covers(A) && R.holds(F))
      return &R;
  return nullptr;
}

} // namespace sqlrace::sql
