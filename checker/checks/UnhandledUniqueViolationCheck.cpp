//===- UnhandledUniqueViolationCheck.cpp - sqlrace ----------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "UnhandledUniqueViolationCheck.h"

namespace sqlrace::checks {

UnhandledUniqueViolationCheck::UnhandledUniqueViolationCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : RaceCheck(Name, Context, Kind) {}

} // namespace sqlrace::checks
