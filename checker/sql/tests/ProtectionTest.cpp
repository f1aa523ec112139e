//===- ProtectionTest.cpp - sqlrace ---------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The protection table: one test per row (what it protects, and the nearest
// facts under which it does not), the table's own hygiene (every row has a
// reason, cites proofs that exist, and can decide something), and that it
// decides exactly as the analysis did before the table existed.
//===----------------------------------------------------------------------===//

#include "sqlrace/sql/Protection.h"
#include "TestUtil.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/SmallVector.h"
#include <fstream>
#include <sstream>

namespace sqlrace::sql::test {
namespace {

const Anomaly AllAnomalies[] = {Anomaly::DuplicateInsert, Anomaly::LostUpdate,
                                Anomaly::StaleCheck};
const Isolation AllLevels[] = {
    Isolation::Unspecified,    Isolation::ReadUncommitted,
    Isolation::ReadCommitted,  Isolation::RepeatableRead,
    Isolation::Serializable,   Isolation::Snapshot};
const BeginMode AllModes[] = {BeginMode::Unspecified, BeginMode::Deferred,
                              BeginMode::Immediate, BeginMode::Exclusive};

ProtectionFacts inTxn(Isolation Iso = Isolation::Unspecified,
                      BeginMode Mode = BeginMode::Unspecified) {
  ProtectionFacts F;
  F.InTransaction = true;
  F.Iso = Iso;
  F.Mode = Mode;
  return F;
}

ProtectionFacts throughObject(Isolation Iso) {
  ProtectionFacts F;
  F.ThroughTransactionObject = true;
  F.Iso = Iso;
  return F;
}

/// The proof ids a row cites.
llvm::SmallVector<llvm::StringRef, 2> proofsOf(const ProtectionRule &R) {
  llvm::SmallVector<llvm::StringRef, 2> Ids;
  llvm::StringRef(R.Proofs).split(Ids, ' ', -1, /*KeepEmpty=*/false);
  return Ids;
}

/// The row that decides, by the id of its first proof or its reason.
std::string decidedBy(Dialect D, Anomaly A, const ProtectionFacts &F) {
  const ProtectionRule *R = protectingRule(D, A, F);
  if (!R)
    return "<unprotected>";
  auto Ids = proofsOf(*R);
  return Ids.empty() ? std::string(R->Why) : Ids.front().str();
}

//===-- One test per row ---------------------------------------------------===//

TEST(Protection, SessionLockNeedsNoTransaction) {
  ProtectionFacts F;
  F.SessionLockHeld = true;
  for (Dialect D : AllDialects)
    for (Anomaly A : AllAnomalies) {
      EXPECT_TRUE(protects(D, A, F)) << dialectName(D).str();
      // With the lock also inside a plain transaction.
      ProtectionFacts Both = inTxn();
      Both.SessionLockHeld = true;
      EXPECT_TRUE(protects(D, A, Both)) << dialectName(D).str();
    }
  // Released: nothing left.
  F.SessionLockHeld = false;
  EXPECT_FALSE(protects(Dialect::MySQL, Anomaly::DuplicateInsert, F));
}

TEST(Protection, TransactionLockOnlyInsideATransaction) {
  ProtectionFacts F;
  F.TransactionLockHeld = true;
  for (Dialect D : AllDialects)
    for (Anomaly A : AllAnomalies) {
      // In autocommit the lock ends with its own statement
      // (pg-advisory-autocommit).
      EXPECT_FALSE(protects(D, A, F)) << dialectName(D).str();
      ProtectionFacts Open = F;
      Open.InTransaction = true;
      EXPECT_TRUE(protects(D, A, Open)) << dialectName(D).str();
      ProtectionFacts Object = F;
      Object.ThroughTransactionObject = true;
      EXPECT_TRUE(protects(D, A, Object)) << dialectName(D).str();
    }
}

TEST(Protection, PostgresSerializable) {
  for (Anomaly A : AllAnomalies) {
    EXPECT_EQ(decidedBy(Dialect::PostgreSQL, A,
                        inTxn(Isolation::Serializable)),
              "pg-serializable-40001");
    EXPECT_EQ(decidedBy(Dialect::PostgreSQL, A,
                        throughObject(Isolation::Serializable)),
              "pg-serializable-40001");
    // SET TRANSACTION outside a transaction changes nothing that is open.
    ProtectionFacts Autocommit;
    Autocommit.Iso = Isolation::Serializable;
    EXPECT_FALSE(protects(Dialect::PostgreSQL, A, Autocommit));
  }
}

TEST(Protection, PostgresRepeatableReadStopsWritesNotInserts) {
  for (const ProtectionFacts &F :
       {inTxn(Isolation::RepeatableRead),
        throughObject(Isolation::RepeatableRead)}) {
    EXPECT_EQ(decidedBy(Dialect::PostgreSQL, Anomaly::LostUpdate, F),
              "pg-rmw-repeatable-read");
    EXPECT_EQ(decidedBy(Dialect::PostgreSQL, Anomaly::StaleCheck, F),
              "pg-rmw-repeatable-read");
    // pg-weak-isolation: both transactions insert.
    EXPECT_FALSE(protects(Dialect::PostgreSQL, Anomaly::DuplicateInsert, F));
  }
  // First updater wins is PostgreSQL's: InnoDB's REPEATABLE READ loses the
  // update (my-rmw-lost-update-rr).
  for (Dialect D : {Dialect::MySQL, Dialect::SQLServer, Dialect::Unknown})
    for (Anomaly A : AllAnomalies)
      EXPECT_FALSE(protects(D, A, inTxn(Isolation::RepeatableRead)))
          << dialectName(D).str();
}

TEST(Protection, MySqlSerializable) {
  for (Anomaly A : AllAnomalies) {
    EXPECT_EQ(decidedBy(Dialect::MySQL, A, inTxn(Isolation::Serializable)),
              "my-serializable");
    EXPECT_EQ(decidedBy(Dialect::MySQL, A,
                        throughObject(Isolation::Serializable)),
              "my-serializable");
  }
}

TEST(Protection, SerializableInOtherDialects) {
  for (Dialect D : {Dialect::SQLServer, Dialect::Unknown, Dialect::SQLite})
    for (Anomaly A : AllAnomalies) {
      const ProtectionRule *R =
          protectingRule(D, A, throughObject(Isolation::Serializable));
      ASSERT_NE(R, nullptr) << dialectName(D).str();
      EXPECT_EQ(R->By, Safeguard::IsolationLevel);
      EXPECT_EQ(R->Level, Isolation::Serializable);
      EXPECT_FALSE(R->covers(Dialect::PostgreSQL));
      EXPECT_FALSE(R->covers(Dialect::MySQL));
    }
  // SQL Server SNAPSHOT and the weaker levels are not counted.
  for (Isolation Iso : {Isolation::Snapshot, Isolation::RepeatableRead,
                        Isolation::ReadCommitted})
    EXPECT_FALSE(
        protects(Dialect::SQLServer, Anomaly::LostUpdate, inTxn(Iso)));
}

TEST(Protection, SqliteBeginImmediate) {
  for (BeginMode M : {BeginMode::Immediate, BeginMode::Exclusive})
    for (Anomaly A : AllAnomalies)
      EXPECT_EQ(decidedBy(Dialect::SQLite, A,
                          inTxn(Isolation::Unspecified, M)),
                "sq-begin-immediate");
}

TEST(Protection, SqliteDeferredBegin) {
  for (BeginMode M : {BeginMode::Unspecified, BeginMode::Deferred})
    for (Anomaly A : AllAnomalies)
      EXPECT_EQ(decidedBy(Dialect::SQLite, A,
                          inTxn(Isolation::Unspecified, M)),
                "sq-deferred-begin");
  // Autocommit statements are a race (sq-cti-duplicate, sq-rmw-lost-update).
  for (Anomaly A : AllAnomalies)
    EXPECT_FALSE(protects(Dialect::SQLite, A, ProtectionFacts()));
  // A transaction object that does not say it began a transaction on the
  // connection is not one (the SQLite APIs in rules/ begin on the
  // connection).
  EXPECT_FALSE(protects(Dialect::SQLite, Anomaly::DuplicateInsert,
                        throughObject(Isolation::Unspecified)));
}

TEST(Protection, PlainTransactionsElsewhereProtectNothing) {
  // pg-weak-isolation, my-rmw-lost-update-rr: a transaction at the default
  // or READ COMMITTED level is no protection outside SQLite.
  for (Dialect D : AllDialects) {
    if (D == Dialect::SQLite)
      continue;
    for (Anomaly A : AllAnomalies)
      for (Isolation Iso : {Isolation::Unspecified, Isolation::ReadUncommitted,
                            Isolation::ReadCommitted})
        for (BeginMode M : AllModes)
          EXPECT_FALSE(protects(D, A, inTxn(Iso, M))) << dialectName(D).str();
  }
}

//===-- The table itself ---------------------------------------------------===//

TEST(ProtectionTable, EveryRowIsComplete) {
  for (const ProtectionRule &R : protectionTable()) {
    EXPECT_GT(llvm::StringRef(R.Why).size(), 20u) << R.Why;
    EXPECT_NE(R.Dialects, 0u) << R.Why;
    EXPECT_NE(R.Anomalies, 0u) << R.Why;
    EXPECT_EQ(R.By == Safeguard::IsolationLevel,
              R.Level != Isolation::Unspecified)
        << R.Why;
    EXPECT_EQ(R.By == Safeguard::ExplicitTransaction, R.Modes != 0u) << R.Why;
  }
}

TEST(ProtectionTable, ProofsExist) {
  std::string Claims;
  for (const char *File :
       {"proofs_postgres.py", "proofs_mariadb.py", "proofs_sqlite.py"}) {
    std::ifstream In(std::string(SQLRACE_PROOFS_DIR) + "/" + File);
    ASSERT_TRUE(In) << File;
    std::stringstream Text;
    Text << In.rdbuf();
    Claims += Text.str();
  }
  unsigned Cited = 0;
  for (const ProtectionRule &R : protectionTable())
    for (llvm::StringRef Id : proofsOf(R)) {
      ++Cited;
      EXPECT_NE(Claims.find("@claim(D, \"" + Id.str() + "\""),
                std::string::npos)
          << Id.str() << " is not a claim of checker/sql/proofs";
    }
  EXPECT_GE(Cited, 5u);
}

/// Every combination of facts, each passed to F.
template <class Fn> void forAllFacts(Fn F) {
  for (bool InTxn : {false, true})
    for (bool Object : {false, true})
      for (bool XactLock : {false, true})
        for (bool SessionLock : {false, true})
          for (Isolation Iso : AllLevels)
            for (BeginMode M : AllModes) {
              ProtectionFacts Facts;
              Facts.InTransaction = InTxn;
              Facts.ThroughTransactionObject = Object;
              Facts.TransactionLockHeld = XactLock;
              Facts.SessionLockHeld = SessionLock;
              Facts.Iso = Iso;
              Facts.Mode = M;
              F(Facts);
            }
}

TEST(ProtectionTable, EveryRowDecidesSomething) {
  for (const ProtectionRule &R : protectionTable()) {
    bool First = false;
    forAllFacts([&](const ProtectionFacts &F) {
      for (Dialect D : AllDialects)
        for (Anomaly A : AllAnomalies)
          First |= protectingRule(D, A, F) == &R;
    });
    EXPECT_TRUE(First) << "shadowed by earlier rows: " << R.Why;
  }
}

// The decision flow made before the table (RaceAnalyzer.cpp's
// FunctionAnalysis::isProtected until this table replaced it), restated
// over ProtectionFacts. The table must agree with it everywhere: moving
// the knowledge here changed no verdict.
bool decisionBeforeTheTable(Dialect D, Anomaly A, const ProtectionFacts &F) {
  if (F.SessionLockHeld)
    return true;
  if (!F.InTransaction && !F.ThroughTransactionObject)
    return false;
  if (F.TransactionLockHeld || F.Iso == Isolation::Serializable)
    return true;
  if (A != Anomaly::DuplicateInsert && F.Iso == Isolation::RepeatableRead &&
      D == Dialect::PostgreSQL)
    return true;
  return F.InTransaction && D == Dialect::SQLite;
}

TEST(ProtectionTable, SameVerdictsAsBefore) {
  unsigned Combinations = 0;
  forAllFacts([&](const ProtectionFacts &F) {
    for (Dialect D : AllDialects)
      for (Anomaly A : AllAnomalies) {
        ++Combinations;
        EXPECT_EQ(protects(D, A, F), decisionBeforeTheTable(D, A, F))
            << dialectName(D).str() << " " << anomalyName(A).str()
            << " txn=" << F.InTransaction
            << " object=" << F.ThroughTransactionObject
            << " xact=" << F.TransactionLockHeld
            << " session=" << F.SessionLockHeld
            << " iso=" << static_cast<int>(F.Iso)
            << " mode=" << static_cast<int>(F.Mode);
      }
  });
  EXPECT_EQ(Combinations, 16u * 6 * 4 * 5 * 3);
}

// Flow computes a read's protection once and uses it for both the
// read-modify-write and the check-then-update verdicts; the two anomalies
// must therefore have the same rows.
TEST(ProtectionTable, LostUpdateAndStaleCheckAgree) {
  for (const ProtectionRule &R : protectionTable())
    EXPECT_EQ(R.covers(Anomaly::LostUpdate), R.covers(Anomaly::StaleCheck))
        << R.Why;
}

TEST(ProtectionTable, AnomalyNames) {
  EXPECT_EQ(anomalyName(Anomaly::DuplicateInsert), "duplicate-insert");
  EXPECT_EQ(anomalyName(Anomaly::LostUpdate), "lost-update");
  EXPECT_EQ(anomalyName(Anomaly::StaleCheck), "stale-check");
}

} // namespace
} // namespace sqlrace::sql::test
