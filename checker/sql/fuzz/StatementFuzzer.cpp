//===- StatementFuzzer.cpp - sqlrace --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer entry point for the SQL layer. Runs analyzeSql over the input in
// every dialect, again with each '~' byte turned into a HoleChar (the unit
// tests' spelling of a hole, so their texts seed both passes), and
// rewriteAsAtomicInsert on the input. Checks cheap invariants that
// Statement.h documents; a violation prints what failed and aborts, which
// libFuzzer reports as a crash. Built and run by build-and-run.sh.
//===----------------------------------------------------------------------===//

#include "sqlrace/sql/Lexer.h"
#include "sqlrace/sql/Statement.h"
#include "llvm/ADT/StringRef.h"
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace sqlrace::sql;

namespace {

const Dialect Dialects[] = {Dialect::Unknown, Dialect::PostgreSQL,
                            Dialect::MySQL, Dialect::SQLite,
                            Dialect::SQLServer};

[[noreturn]] void fail(const char *What, const char *Where, Dialect D) {
  std::fprintf(stderr, "sqlrace fuzz: %s: '%s' does not hold (dialect %s)\n",
               Where, What, dialectName(D).str().c_str());
  std::abort();
}

#define FUZZ_CHECK(Cond, Where)                                                \
  do {                                                                         \
    if (!(Cond))                                                               \
      fail(#Cond, Where, D);                                                   \
  } while (false)

bool hasHole(llvm::StringRef S) { return S.contains(HoleChar); }

bool anyHole(const std::vector<std::string> &Names) {
  return std::any_of(Names.begin(), Names.end(),
                     [](const std::string &N) { return hasHole(N); });
}

/// The invariants of one analyzeSql result.
void checkFacts(llvm::StringRef Text, Dialect D,
                const std::vector<StatementFacts> &All) {
  const char *Where = "analyzeSql";
  FUZZ_CHECK(!All.empty(), Where);
  size_t Last = 0;
  for (const StatementFacts &F : All) {
    // Statements are ordered, disjoint byte ranges inside the text.
    FUZZ_CHECK(F.Begin <= F.End, Where);
    FUZZ_CHECK(F.End <= Text.size(), Where);
    FUZZ_CHECK(F.Begin >= Last, Where);
    Last = F.End;
    FUZZ_CHECK(F.Kind != StatementKind::Unknown || !F.Problem.empty(), Where);
    FUZZ_CHECK(!F.HasHoles || hasHole(Text), Where);
    // KeyColumns: "sorted, de-duplicated".
    FUZZ_CHECK(std::is_sorted(F.KeyColumns.begin(), F.KeyColumns.end()), Where);
    FUZZ_CHECK(std::adjacent_find(F.KeyColumns.begin(), F.KeyColumns.end()) ==
                   F.KeyColumns.end(),
               Where);
    // A hole in a name makes the name unknown (empty), never part of it.
    bool NamesHoled =
        hasHole(F.Table) || anyHole(F.TablesRead) || anyHole(F.TablesWritten) ||
        anyHole(F.KeyColumns) ||
        std::any_of(F.UniqueKeys.begin(), F.UniqueKeys.end(),
                    [](const UniqueKey &K) { return anyHole(K.Columns); });
    FUZZ_CHECK(!NamesHoled, Where);
    // Per-kind fields only appear on their kind.
    FUZZ_CHECK(F.Ddl == DdlAction::None || F.Kind == StatementKind::DDL, Where);
    FUZZ_CHECK(F.Txn == TxnAction::None || F.Kind == StatementKind::Transaction,
               Where);
    FUZZ_CHECK(F.UniqueKeys.empty() || F.Kind == StatementKind::DDL, Where);
    for (const UniqueKey &K : F.UniqueKeys)
      FUZZ_CHECK(K.Table == F.Table, Where);
  }
}

/// True if every value is one token: a parameter, a literal or a name.
bool singleTokens(const std::vector<std::string> &Values, Dialect D) {
  return std::all_of(Values.begin(), Values.end(), [D](const std::string &V) {
    return tokenize(V, D).size() == 1;
  });
}

/// rewriteAsAtomicInsert refuses holes and the Unknown dialect; what it
/// returns is one INSERT that analyzeSql reads as atomic. \p Input is the
/// input's first statement.
void checkRewrite(llvm::StringRef Text, Dialect D, const StatementFacts &Input,
                  const std::vector<std::string> &Keys) {
  const char *Where = "rewriteAsAtomicInsert";
  std::string Out = rewriteAsAtomicInsert(Text, Keys, D);
  if (Out.empty())
    return;
  FUZZ_CHECK(D != Dialect::Unknown, Where);
  FUZZ_CHECK(!hasHole(Text), Where);
  // The SQL Server form moves the VALUES expressions out of their
  // parentheses into a SELECT list and a WHERE, as written. analyzeSql
  // tolerates text that is no expression there (VALUES (x FROM t WHERE 1)),
  // and moved out it changes the statement's shape: garbage in, garbage out.
  // So the re-reading is checked for one-token values only, which is what
  // check-then-insert code passes (parameters, literals, names).
  if (D == Dialect::SQLServer && !singleTokens(Input.InsertValues, D))
    return;
  std::vector<StatementFacts> Again = analyzeSql(Out, D);
  FUZZ_CHECK(Again.size() == 1, Where);
  FUZZ_CHECK(Again[0].Kind == StatementKind::Insert, Where);
  FUZZ_CHECK(Again[0].Atomic != AtomicInsert::None, Where);
}

void runAll(llvm::StringRef Text) {
  for (Dialect D : Dialects) {
    std::vector<StatementFacts> All = analyzeSql(Text, D);
    checkFacts(Text, D, All);
    // Keys as a check-then-insert would pass them: none, the inserted
    // columns (what the existence check usually tests), and a fixed name.
    const StatementFacts &First = All.front();
    checkRewrite(Text, D, First, {});
    checkRewrite(Text, D, First, First.InsertColumns);
    checkRewrite(Text, D, First, {"k"});
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  runAll(Text);
  if (Text.find('~') != std::string::npos) {
    std::replace(Text.begin(), Text.end(), '~', HoleChar);
    runAll(Text);
  }
  return 0;
}
