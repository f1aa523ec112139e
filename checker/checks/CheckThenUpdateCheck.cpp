//===- CheckThenUpdateCheck.cpp - sqlrace --------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "CheckThenUpdateCheck.h"

namespace sqlrace::checks {

CheckThenUpdateCheck::CheckThenUpdateCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : RaceCheck(Name, Context, Kind) {}

} // namespace sqlrace::checks
