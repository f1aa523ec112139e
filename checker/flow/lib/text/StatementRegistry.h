//===- StatementRegistry.h - sqlrace --------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Statement registries: maps from a constant name to SQL text, declared in
// .sqlrace.json or written as constant maps. Lookups with a constant key
// resolve to the registered text.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_STATEMENTREGISTRY_H
#define SQLRACE_FLOW_STATEMENTREGISTRY_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sqlrace::flow {

class StatementRegistries {
public:
  /// Collects the entries of the declared registries (qualified variable
  /// names) in a translation unit: the initializer list, and assignments
  /// M["k"] = "...", M.emplace/insert/try_emplace("k", "...") anywhere.
  StatementRegistries(clang::ASTContext &Ctx,
                      const std::vector<std::string> &Declared);
  StatementRegistries() = default;

  /// The entries of a registry variable, or null if it is none. A key
  /// registered with two different texts maps to nullopt.
  const llvm::StringMap<std::optional<std::string>> *
  entries(const clang::VarDecl *Map) const;

private:
  std::map<const clang::VarDecl *, llvm::StringMap<std::optional<std::string>>>
      Maps;
};

} // namespace sqlrace::flow

#endif
