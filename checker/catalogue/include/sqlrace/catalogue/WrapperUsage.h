//===- WrapperUsage.h - sqlrace -------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// What the analysed code made of a project config's "wrappers", gathered
// over a whole run (every file, every thread): which entries matched a
// called function, the names of called functions that no rule matched (only
// those close to an entry's name, enough for a "did you mean"), and whether
// an entry's SQL argument ever held text. At the end of the run it gives the
// warnings about entries that matched nothing or never saw any SQL.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_CATALOGUE_WRAPPERUSAGE_H
#define SQLRACE_CATALOGUE_WRAPPERUSAGE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace sqlrace::catalogue {

struct FunctionRule;

/// A warning about one entry of a project config, at its position there.
struct ConfigWarning {
  enum class Kind {
    UnmatchedWrapper,  ///< the entry matched no called function
    SqlArgWithoutText, ///< its calls never passed readable SQL text
  };
  Kind TheKind = Kind::UnmatchedWrapper;
  std::string File;
  unsigned Line = 0, Column = 0;
  std::string Message;
  /// The qualified name suggested instead of the entry's, if any.
  std::string Suggestion;
};

/// "unmatched-wrapper", "sql-arg-without-text": the kind as JSON spells it.
llvm::StringRef kindName(ConfigWarning::Kind K);

/// Safe to use from several threads at once once the wrappers are added.
class WrapperUsage {
public:
  /// Registers a config entry; Rule.WrapperIndex says which. Only while
  /// the catalogue is loaded.
  void addWrapper(const FunctionRule &Rule);
  bool empty() const { return Wrappers.empty(); }

  /// A called function, by qualified name and parameter count, and the
  /// rules its name found (null or empty when none did).
  void noteCallee(llvm::StringRef QualifiedName, unsigned NumParams,
                  const FunctionRule *Plain,
                  llvm::ArrayRef<FunctionRule> Conditional);
  /// A call that a config entry with an SQL argument matched: the text the
  /// argument was read as, or null when the call has no such argument.
  void noteSqlArg(const FunctionRule &Rule, const std::string *Text);

  /// The warnings, in the order of the entries. Without WholeProgram (the
  /// run saw part of the program: a shard, some files of the compilation
  /// database, files that failed), only the entries that matched nothing
  /// while a close name was called: the others may be used elsewhere.
  std::vector<ConfigWarning> warnings(bool WholeProgram) const;

private:
  struct Wrapper {
    std::string Name, Where;
    int Params = -1, SqlArg = -1;
    bool Matched = false;
    /// Calls seen with the SQL argument: all, without that argument, and
    /// with some text in it.
    unsigned SqlCalls = 0, SqlMissing = 0, SqlText = 0;
  };
  /// Whether a name's last component is close to an entry's.
  bool closeToAnEntry(llvm::StringRef Last);
  ConfigWarning unmatched(const Wrapper &W) const;

  std::vector<Wrapper> Wrappers;
  /// The entries' last name components, lower case, each once.
  std::vector<std::string> LastNames;
  /// The same names, to keep LastNames free of repeats in constant time.
  std::set<std::string> LastNameSet;
  mutable std::mutex Lock;
  /// Called functions no rule matched whose last name component is close
  /// to an entry's, with their parameter counts; bounded.
  std::map<std::string, std::set<unsigned>> Seen;
  /// closeToAnEntry's answers, by last component; bounded.
  llvm::StringMap<bool> Close;
};

} // namespace sqlrace::catalogue

#endif
