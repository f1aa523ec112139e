//===- CheckList.cpp - sqlrace ----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "sqlrace/project/CheckList.h"
#include "llvm/ADT/STLExtras.h"
#include <vector>

namespace sqlrace::project {

// The descriptions are the first paragraphs of docs/checks/*.md, shortened.
static const CheckInfo Checks[] = {
    {CheckKind::CheckThenInsert, "sqlrace-check-then-insert", "CheckThenInsert",
     "INSERT guarded by a non-atomic existence check",
     "An INSERT runs only when a preceding SELECT on the same connection "
     "found no row with the same key, and nothing makes the two statements "
     "atomic: two concurrent clients can both see no row and both insert "
     "it."},
    {CheckKind::ReadModifyWrite, "sqlrace-read-modify-write", "ReadModifyWrite",
     "Lost update: a value read, changed in the program and written back",
     "An UPDATE writes back, as an absolute value, a column that a preceding "
     "SELECT of the same row read and the program changed, and nothing stops "
     "another client from writing the row in between: one of two concurrent "
     "updates is lost."},
    {CheckKind::CheckThenUpdate, "sqlrace-check-then-update", "CheckThenUpdate",
     "UPDATE decided on a value the UPDATE does not re-check",
     "An UPDATE runs only because a value read from the same row a moment "
     "earlier passed a test in the program, the UPDATE does not re-check that "
     "value, and nothing stops another client from changing the row in "
     "between."},
    {CheckKind::UnhandledUniqueViolation, "sqlrace-unhandled-unique-violation",
     "UnhandledUniqueViolation",
     "Unique violation of a guarded INSERT not handled",
     "An INSERT guarded by an existence check is backed by a unique key, so "
     "the database keeps the duplicate out, but nothing handles the unique "
     "violation the client that loses the race gets: its request fails "
     "instead of seeing the row as taken."},
};

llvm::ArrayRef<CheckInfo> checkList() { return Checks; }

llvm::ArrayRef<CheckKind> allChecks() {
  static const std::vector<CheckKind> Kinds = [] {
    std::vector<CheckKind> Out;
    for (const CheckInfo &C : Checks)
      Out.push_back(C.Kind);
    return Out;
  }();
  return Kinds;
}

llvm::StringRef checkId(CheckKind K) {
  for (const CheckInfo &C : Checks)
    if (C.Kind == K)
      return C.Id;
  return "";
}

const CheckInfo *findCheck(llvm::StringRef Id) {
  const CheckInfo *It =
      llvm::find_if(Checks, [&](const CheckInfo &C) { return C.Id == Id; });
  return It == std::end(Checks) ? nullptr : It;
}

} // namespace sqlrace::project
