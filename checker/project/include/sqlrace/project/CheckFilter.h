//===- CheckFilter.h - sqlrace --------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// clang-tidy's --checks syntax: comma-separated globs, '-' to remove.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_PROJECT_CHECKFILTER_H
#define SQLRACE_PROJECT_CHECKFILTER_H

#include "sqlrace/project/CheckList.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace sqlrace::project {

/// The implemented checks enabled by Spec, applied in order on top of the
/// default "sqlrace-*". An empty glob list or a malformed glob is an error.
llvm::Expected<std::vector<CheckKind>> selectChecks(llvm::StringRef Spec);

} // namespace sqlrace::project

#endif
