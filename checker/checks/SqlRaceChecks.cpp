//===- SqlRaceChecks.cpp - sqlrace ------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "SqlRaceChecks.h"
#include "CheckThenInsertCheck.h"
#include "CheckThenUpdateCheck.h"
#include "ReadModifyWriteCheck.h"
#include "UnhandledUniqueViolationCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/ADT/STLExtras.h"

namespace sqlrace::checks {

template <typename CheckType>
static void add(clang::tidy::ClangTidyCheckFactories &Factories) {
  // Only the kinds of the check list (sqlrace/project/CheckList.h), so the
  // plugin lists exactly the CLI's checks: an adapter may land before its
  // check is listed.
  if (llvm::is_contained(project::allChecks(), CheckType::Kind))
    Factories.registerCheck<CheckType>(project::checkId(CheckType::Kind));
}

void addSqlRaceChecks(clang::tidy::ClangTidyCheckFactories &Factories) {
  add<CheckThenInsertCheck>(Factories);
  add<ReadModifyWriteCheck>(Factories);
  add<CheckThenUpdateCheck>(Factories);
  add<UnhandledUniqueViolationCheck>(Factories);
}

} // namespace sqlrace::checks
