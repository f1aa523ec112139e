//===- Catalogue.h - sqlrace ----------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The declarative knowledge of database client APIs, loaded from rules/*.json.
// The flow analysis asks "what role does this callee or type play?" and never
// names an API itself.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_CATALOGUE_CATALOGUE_H
#define SQLRACE_CATALOGUE_CATALOGUE_H

#include "sqlrace/catalogue/WrapperUsage.h"
#include "sqlrace/sql/Statement.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sqlrace::catalogue {

/// Argument index meaning "the implicit object of a member call".
constexpr int ObjectArg = -2;
/// Argument index meaning "the call's return value".
constexpr int ReturnValue = -3;
/// Argument index meaning "not applicable".
constexpr int NoArg = -1;
/// Placeholder index meaning "the next one" (addBindValue).
constexpr int NextArg = -4;

/// What a function or method does, as far as race detection cares.
enum class Role {
  Execute,       ///< runs SQL given as an argument; may return a result
  Prepare,       ///< compiles SQL into a statement handle (out-arg or return)
  PrepareNamed,  ///< registers SQL under a name on a connection
  ExecuteNamed,  ///< runs the SQL registered under a name
  Step,          ///< runs / advances a prepared statement, returns a code
  RowCount,      ///< number of rows in a result
  IsEmpty,       ///< whether a result has no row
  ColumnValue,   ///< a value read out of a result
  Element,       ///< row/field access that keeps pointing into a result
  ErrorCode,     ///< the last error code of a connection or statement
  ErrorField,    ///< a field (SQLSTATE...) of an error result
  ParseInt,      ///< converts text to a number (atoi...)
  StringCompare, ///< compares two C strings, 0 when equal (strcmp...)
  Bind,          ///< binds a value to a prepared statement's placeholder
  AffectedRows,  ///< rows changed by the last write of a result/connection
  StoreResult,   ///< the result of the last query run on a connection
  FetchRow,      ///< the next row of a result; null when there is none
  StatementInit, ///< a new statement handle bound to a connection
  ExecutePrepared, ///< runs a prepared statement (fetching is separate)
  Fetch,         ///< fetches a row of an executed statement, returns a code
  FormatInto,    ///< writes formatted text into a buffer (value_arg)
  ColumnInto,    ///< stores a value of a result into a variable (value_arg)
  GotData,       ///< whether the last query on a connection returned a row
  TxnBegin,      ///< starts a transaction on a connection
  TxnCommit,     ///< commits it
  TxnRollback,   ///< rolls it back
  SetDialect,    ///< opens a connection whose dialect value_arg names
  SetIsolation,  ///< sets the isolation level of a connection's transactions
  TxnObject,     ///< returns an object that is a transaction on a connection
};
llvm::StringRef roleName(Role R);

struct ApiRules;

/// A condition on one argument of a call: the rule applies only when the
/// argument is one of the named constants (a macro, an enumerator or a
/// constant variable, by simple or qualified name) or one of the integers.
struct ArgCondition {
  int Arg = NoArg;
  std::vector<std::string> Names;
  std::vector<int64_t> Values;
};

/// How a rule's text is matched with a name (dialect names).
enum class NameMatch { Prefix, Contains };

/// One function or method of an API.
struct FunctionRule {
  std::string Name; ///< qualified, without leading "::"
  /// The overload with this many parameters, or -1 for every overload.
  int Params = -1;
  Role TheRole = Role::Execute;
  int ConnectionArg = NoArg; ///< where the connection / transaction is
  int SqlArg = NoArg;
  int NameArg = NoArg;      ///< PrepareNamed / ExecuteNamed
  int StatementArg = NoArg; ///< Step: the prepared statement
  int StatementOut = NoArg; ///< Prepare: where the statement handle goes
  int ResultArg = NoArg;    ///< RowCount/IsEmpty/ColumnValue/...: the result
  int ValueArg = NoArg;     ///< ParseInt: the text; StringCompare: first
                            ///< arg; Bind: the bound value
  int IndexArg = NoArg;     ///< Bind: the placeholder number
  int IndexBase = 1;        ///< Bind: the number of the first placeholder
  /// Execute/ExecuteNamed: an array argument holding the parameter values in
  /// placeholder order ($1 is element 0)...
  int ParamsArg = NoArg;
  /// ...or the index of the argument bound to $1, the rest following it.
  int ParamsFrom = NoArg;
  /// Step: the codes meaning "a row is available" and "no (more) rows".
  std::optional<int64_t> RowCode, DoneCode;
  /// SetDialect: names (matched as a case-insensitive prefix of the
  /// argument's text, or the name of a variable passed) to dialects.
  std::vector<std::pair<std::string, sql::Dialect>> DialectNames;
  /// SetDialect: whether a name must begin the text or may occur anywhere in
  /// it (a connection string's "Driver={...}").
  NameMatch DialectMatch = NameMatch::Prefix;
  /// The rule applies only to calls whose arguments meet every condition;
  /// one function may have several such rules, tried in file order.
  std::vector<ArgCondition> When;
  /// SetIsolation / TxnObject: the argument naming the isolation level, and
  /// the names (of constants found in it) that stand for each level.
  int IsolationArg = NoArg;
  llvm::StringMap<sql::Isolation> IsolationNames;
  /// Execute: the call returns the first value of the first row itself
  /// (a one-value query), not a result.
  bool ReturnsValue = false;
  /// "file:line:col" of the rule, for messages.
  std::string Where;
  /// The rule's position in a project config's "wrappers", or -1 (a rules
  /// file's function).
  int WrapperIndex = -1;
  const ApiRules *Api = nullptr;
  /// The largest argument index the rule names, or -1.
  int maxArgIndex() const;
};

/// What a class does.
enum class TypeRole {
  Transaction, ///< a transaction object bound to a connection at construction
  Autocommit,  ///< a handle bound to a connection that runs statements alone
  Query,       ///< a query object bound to a connection (default if none)
  Facet,       ///< a member object of a connection that stands for it
  StatementText, ///< an object holding SQL given to its constructor
};

struct TypeRule {
  std::string Name; ///< qualified class (or class template) name
  TypeRole TheRole = TypeRole::Transaction;
  int ConnectionCtorArg = 0;
  /// StatementText: the constructor argument that is the SQL text.
  int SqlCtorArg = NoArg;
  /// Index of the template argument that carries the isolation level, and the
  /// names of its enumerators.
  int IsolationTemplateArg = NoArg;
  llvm::StringMap<sql::Isolation> IsolationNames;
  const ApiRules *Api = nullptr;
};

/// How an API reports a unique-key violation.
struct UniqueViolation {
  std::vector<int64_t> Codes;         ///< e.g. SQLITE_CONSTRAINT = 19
  std::vector<std::string> SqlStates; ///< e.g. "23505"
  std::vector<std::string> Exceptions; ///< qualified exception class names
  /// Qualified names of constants (enumerators) an error value is compared
  /// with, e.g. an error category.
  std::vector<std::string> Names;
};

/// One rules file.
struct ApiRules {
  std::string Library;
  std::string Source; ///< provenance of the facts
  std::string File;   ///< the rules file it was read from
  sql::Dialect Dialect = sql::Dialect::Unknown;
  std::vector<std::string> Headers;
  UniqueViolation Unique;
};

/// A project's .sqlrace.json: its own wrappers go into the catalogue as an
/// API of their own; the rest is here. Paths are made absolute against the
/// config file's directory.
struct ProjectConfig {
  std::string File;
  sql::Dialect Dialect = sql::Dialect::Unknown;
  std::vector<std::string> SchemaPaths;
  std::vector<std::string> RulesFiles;
  /// Qualified names of maps from statement names to SQL text.
  std::vector<std::string> Registries;
  /// --checks globs, applied after the command line's.
  std::string Checks;
  /// Per-check options ("check_options"), by check id.
  struct CheckOptions {
    /// Globs of table names whose findings the check drops.
    std::vector<std::string> IgnoredTables;
  };
  std::map<std::string, CheckOptions> PerCheck;
};

/// All loaded rules, indexed for lookup.
class Catalogue {
public:
  /// Reads and validates every file; any error fails the whole load (nothing
  /// is half-applied). Messages name the file, line and column.
  static llvm::Expected<Catalogue> load(const std::vector<std::string> &Files);
  /// Rules files plus a project config (its "rules" files and its
  /// "wrappers"), validated together; Config receives the config's other
  /// settings.
  static llvm::Expected<Catalogue> load(const std::vector<std::string> &Files,
                                        const std::string &ConfigFile,
                                        ProjectConfig &Config);
  /// The nearest .sqlrace.json in Dir or a parent directory, or "".
  static std::string findConfig(llvm::StringRef Dir);
  /// Same, from in-memory text (for tests); Name stands in for the file name.
  static llvm::Expected<Catalogue>
  loadText(const std::vector<std::pair<std::string, std::string>> &NamedTexts);
  /// A project config from in-memory text, validated as load() validates
  /// it, without reading the rules or schema files it names (those stay in
  /// Config). For the JSON fuzzer and tests.
  static llvm::Expected<Catalogue> loadConfigText(const std::string &Name,
                                                  const std::string &Text,
                                                  ProjectConfig &Config);

  /// The rule of a function (or constructor, "ns::C::C") with NumParams
  /// parameters: the rule for that overload if there is one, else the rule
  /// for the name.
  const FunctionRule *function(llvm::StringRef QualifiedName,
                               int NumParams = -1) const;
  /// The rules of a function that apply only when arguments have given
  /// values (ArgCondition), in file order; empty when there are none.
  llvm::ArrayRef<FunctionRule> conditional(llvm::StringRef QualifiedName,
                                           int NumParams = -1) const;
  const TypeRule *type(llvm::StringRef QualifiedName) const;
  bool isUniqueViolationCode(int64_t Code) const;
  bool isUniqueViolationState(llvm::StringRef SqlState) const;
  bool isUniqueViolationException(llvm::StringRef QualifiedName) const;
  bool isUniqueViolationName(llvm::StringRef QualifiedName) const;
  const std::vector<std::unique_ptr<ApiRules>> &apis() const { return Apis; }

  /// Records that a rule names an argument its function does not have (seen
  /// when the function is met in code); such a rule is not applied.
  void noteMisfit(const FunctionRule &Rule, unsigned NumParams) const;
  /// The misfits recorded since the last call, as messages.
  std::vector<std::string> takeMisfits() const;

  /// Records a function the analysed code calls (by qualified name and
  /// parameter count) for the warnings about the project config's wrappers
  /// (WrapperUsage.h); nothing to do without wrappers.
  void noteCallee(llvm::StringRef QualifiedName, int NumParams) const;
  /// Records the SQL text a call that a config wrapper matched passes in
  /// its SQL argument (null: the call has no such argument).
  void noteWrapperSql(const FunctionRule &Rule, const std::string *Text) const;
  /// The warnings about the config's wrappers, from what was recorded so far
  /// (WrapperUsage::warnings).
  std::vector<ConfigWarning> wrapperWarnings(bool WholeProgram) const;

private:
  std::vector<std::unique_ptr<ApiRules>> Apis;
  llvm::StringMap<FunctionRule> Functions;
  llvm::StringMap<std::vector<FunctionRule>> Conditional;
  llvm::StringMap<TypeRule> Types;
  mutable std::vector<std::string> Misfits;
  mutable llvm::StringMap<bool> MisfitSeen;
  // Files are analysed on several threads (-j) against one catalogue.
  std::unique_ptr<std::mutex> MisfitLock = std::make_unique<std::mutex>();
  std::unique_ptr<WrapperUsage> Usage = std::make_unique<WrapperUsage>();
  friend class CatalogueLoader;
};

/// The rules files shipped with sqlrace (rules/*.json next to the binary's
/// share directory or in the source tree), sorted by name.
std::vector<std::string> defaultRulesFiles();

} // namespace sqlrace::catalogue

#endif
