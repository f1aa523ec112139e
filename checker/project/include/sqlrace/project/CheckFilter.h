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

/// The checks enabled by Spec, its globs applied in order on top of the
/// default "sqlrace-*" (empty entries are skipped). A malformed glob is an
/// error; a Spec that leaves nothing enabled is not (callers decide: the
/// CLI refuses it on its command line, a config may switch a tree off).
llvm::Expected<std::vector<CheckKind>> selectChecks(llvm::StringRef Spec);

} // namespace sqlrace::project

#endif
