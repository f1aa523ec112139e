//===- ReadModifyWriteCheck.cpp - sqlrace --------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "ReadModifyWriteCheck.h"

namespace sqlrace::checks {

ReadModifyWriteCheck::ReadModifyWriteCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : RaceCheck(Name, Context, Kind) {}

} // namespace sqlrace::checks
