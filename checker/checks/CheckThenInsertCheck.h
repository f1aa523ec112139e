//===- CheckThenInsertCheck.h - sqlrace -----------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// sqlrace-check-then-insert as a clang-tidy check.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_CHECKS_CHECKTHENINSERTCHECK_H
#define SQLRACE_CHECKS_CHECKTHENINSERTCHECK_H

#include "RaceCheck.h"

namespace sqlrace::checks {

/// An existence SELECT whose empty result leads to an INSERT of the same key on
/// the same connection, with nothing making the pair atomic.
///
/// For the user-facing documentation, see docs/checks/check-then-insert.md.
class CheckThenInsertCheck : public RaceCheck {
public:
  /// The finding kind this check reports; its id is project::checkId(Kind).
  static constexpr project::CheckKind Kind =
      project::CheckKind::CheckThenInsert;

  CheckThenInsertCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context);
};

} // namespace sqlrace::checks

#endif
