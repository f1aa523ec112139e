//===- Protection.h - sqlrace ---------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Which transaction, isolation level or lock keeps another client from
// getting between a check (or read) and the act that depends on it, per
// dialect and per anomaly. The flow analysis tracks the facts; the verdict
// is the table in Protection.cpp.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_SQL_PROTECTION_H
#define SQLRACE_SQL_PROTECTION_H

#include "sqlrace/sql/Statement.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace sqlrace::sql {

/// What goes wrong when another client runs between the check and the act.
enum class Anomaly {
  DuplicateInsert, ///< check-then-insert: both clients find no row, both insert
  LostUpdate, ///< read-modify-write: the second write drops the first's change
  StaleCheck, ///< check-then-update: the state that decided the path changed
};
/// "duplicate-insert", "lost-update" or "stale-check".
llvm::StringRef anomalyName(Anomaly A);

/// What is in force on one connection from the check to the act.
struct ProtectionFacts {
  /// A transaction begun on the connection (BEGIN, START TRANSACTION, an
  /// API's begin call) is open.
  bool InTransaction = false;
  /// The statements run through a transaction object (libpqxx's pqxx::work
  /// and the like): they are inside that object's transaction, and Iso is
  /// the object's level.
  bool ThroughTransactionObject = false;
  /// The level of the open transaction; Unspecified is the server default.
  Isolation Iso = Isolation::Unspecified;
  /// How the open transaction began (SQLite DEFERRED / IMMEDIATE / ...).
  BeginMode Mode = BeginMode::Unspecified;
  /// A lock that lasts until the end of the transaction was granted inside
  /// it (pg_advisory_xact_lock, LOCK TABLE).
  bool TransactionLockHeld = false;
  /// A lock that lasts until it is released, across transactions, is held
  /// (pg_advisory_lock, MySQL GET_LOCK, sp_getapplock owned by the session).
  bool SessionLockHeld = false;

  /// A transaction is open, begun on the connection or by an object.
  bool transactionOpen() const {
    return InTransaction || ThroughTransactionObject;
  }
};

/// The kind of safeguard a row of the table names.
enum class Safeguard {
  SessionLock,     ///< SessionLockHeld; no transaction needed
  TransactionLock, ///< TransactionLockHeld, in an open transaction
  IsolationLevel,  ///< an open transaction at ProtectionRule::Level
  /// A transaction begun on the connection in one of ProtectionRule::Modes
  /// (a transaction object alone does not count).
  ExplicitTransaction,
};

/// One row of the table: in these dialects, this safeguard prevents these
/// anomalies.
struct ProtectionRule {
  unsigned Dialects;  ///< bit set, see covers(Dialect)
  unsigned Anomalies; ///< bit set, see covers(Anomaly)
  Safeguard By;
  /// IsolationLevel only: the level that protects.
  Isolation Level;
  /// ExplicitTransaction only: bit set of the BeginModes that protect.
  unsigned Modes;
  /// Why it protects, in one sentence.
  const char *Why;
  /// Space-separated ids of the claims in checker/sql/proofs that show it
  /// on a real server; empty when none does.
  const char *Proofs;

  bool covers(Dialect D) const {
    return Dialects & (1u << static_cast<unsigned>(D));
  }
  bool covers(Anomaly A) const {
    return Anomalies & (1u << static_cast<unsigned>(A));
  }
  bool covers(BeginMode M) const {
    return Modes & (1u << static_cast<unsigned>(M));
  }
  /// Whether the safeguard of this row is in force under F (dialect and
  /// anomaly aside).
  bool holds(const ProtectionFacts &F) const;
};

/// Every row, in the order they are tried.
llvm::ArrayRef<ProtectionRule> protectionTable();

/// The first row that makes the check and the act atomic against A in
/// dialect D under F, or null when none does.
const ProtectionRule *protectingRule(Dialect D, Anomaly A,
                                     const ProtectionFacts &F);

/// Whether F makes the check and the act atomic against A in dialect D.
inline bool protects(Dialect D, Anomaly A, const ProtectionFacts &F) {
  return protectingRule(D, A, F) != nullptr;
}

} // namespace sqlrace::sql

#endif
