//===- CheckThenUpdateCheck.h - sqlrace -----------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// sqlrace-check-then-update as a clang-tidy check.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_CHECKS_CHECKTHENUPDATECHECK_H
#define SQLRACE_CHECKS_CHECKTHENUPDATECHECK_H

#include "RaceCheck.h"

namespace sqlrace::checks {

/// An UPDATE on a path decided by a value read earlier from the same row,
/// which the UPDATE does not re-check.
///
/// For the user-facing documentation, see docs/checks/check-then-update.md.
class CheckThenUpdateCheck : public RaceCheck {
public:
  /// The finding kind this check reports; its id is project::checkId(Kind).
  static constexpr project::CheckKind Kind =
      project::CheckKind::CheckThenUpdate;

  CheckThenUpdateCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context);
};

} // namespace sqlrace::checks

#endif
