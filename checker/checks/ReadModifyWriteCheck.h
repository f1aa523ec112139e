//===- ReadModifyWriteCheck.h - sqlrace -----------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// sqlrace-read-modify-write as a clang-tidy check.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_CHECKS_READMODIFYWRITECHECK_H
#define SQLRACE_CHECKS_READMODIFYWRITECHECK_H

#include "RaceCheck.h"

namespace sqlrace::checks {

/// An UPDATE that writes back a value computed from an earlier SELECT of the
/// same row, with no lock, serializable transaction or guard in between.
///
/// For the user-facing documentation, see docs/checks/read-modify-write.md.
class ReadModifyWriteCheck : public RaceCheck {
public:
  /// The finding kind this check reports; its id is project::checkId(Kind).
  static constexpr project::CheckKind Kind =
      project::CheckKind::ReadModifyWrite;

  ReadModifyWriteCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context);
};

} // namespace sqlrace::checks

#endif
