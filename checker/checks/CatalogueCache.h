//===- CatalogueCache.h - sqlrace -----------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The rules and project setups as the clang-tidy checks see them: loaded
// once per process for each distinct list of rules files (and, within it,
// once per .sqlrace.json), shared by every check and translation unit.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_CHECKS_CATALOGUECACHE_H
#define SQLRACE_CHECKS_CATALOGUECACHE_H

#include "sqlrace/catalogue/Catalogue.h"
#include "sqlrace/project/ProjectSetup.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace sqlrace::checks {

/// Splits a `;`-separated option value into file names, trimming blanks and
/// dropping empty entries ("a.json; b.json;" -> {"a.json", "b.json"}).
std::vector<std::string> splitList(llvm::StringRef Value);

/// The setup of the bundled rules (catalogue::defaultRulesFiles(), the
/// same files the CLI loads) followed by Extra, with no project config. A
/// failed load is remembered, and every call for the same list returns the
/// same error message: the catalogue loader's, naming file, line and column.
llvm::Expected<const project::Setup *>
setupWithoutConfig(const std::vector<std::string> &Extra);

/// The setup (rules, project config found for the file, schema, options) of
/// a main file, with the bundled rules plus Extra; shared by every check and
/// translation unit of the process, loaded once per config.
llvm::Expected<const project::Setup *>
setupFor(const std::vector<std::string> &Extra, llvm::StringRef MainFile);

} // namespace sqlrace::checks

#endif
