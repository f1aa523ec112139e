//===- CheckThenInsertCheck.cpp - sqlrace --------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "CheckThenInsertCheck.h"

namespace sqlrace::checks {

CheckThenInsertCheck::CheckThenInsertCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : RaceCheck(Name, Context, Kind) {}

} // namespace sqlrace::checks
