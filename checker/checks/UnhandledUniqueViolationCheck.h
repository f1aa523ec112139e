//===- UnhandledUniqueViolationCheck.h - sqlrace --------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// sqlrace-unhandled-unique-violation as a clang-tidy check.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_CHECKS_UNHANDLEDUNIQUEVIOLATIONCHECK_H
#define SQLRACE_CHECKS_UNHANDLEDUNIQUEVIOLATIONCHECK_H

#include "RaceCheck.h"

namespace sqlrace::checks {

/// An existence check followed by an INSERT whose key a declared unique
/// constraint protects, with nothing handling the unique violation a
/// concurrent insert of the same row causes.
///
/// For the user-facing documentation, see
/// docs/checks/unhandled-unique-violation.md.
class UnhandledUniqueViolationCheck : public RaceCheck {
public:
  /// The finding kind this check reports; its id is project::checkId(Kind).
  static constexpr project::CheckKind Kind =
      project::CheckKind::UnhandledUniqueViolation;

  UnhandledUniqueViolationCheck(llvm::StringRef Name,
                                clang::tidy::ClangTidyContext *Context);
};

} // namespace sqlrace::checks

#endif
