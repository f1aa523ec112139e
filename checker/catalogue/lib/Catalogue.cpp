//===- Catalogue.cpp - sqlrace ----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Loads rules/*.json. This is the only place where nlohmann_json's exceptions
// are caught; everything leaves as llvm::Error with file:line:col.
//===----------------------------------------------------------------------===//
#include "sqlrace/catalogue/Catalogue.h"
#include "sqlrace/catalogue/JsonText.h"
#include "sqlrace/project/CheckList.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace sqlrace::catalogue {

llvm::StringRef roleName(Role R) {
  switch (R) {
  case Role::Execute: return "execute";
  case Role::Prepare: return "prepare";
  case Role::PrepareNamed: return "prepare_named";
  case Role::ExecuteNamed: return "execute_named";
  case Role::Step: return "step";
  case Role::RowCount: return "row_count";
  case Role::IsEmpty: return "is_empty";
  case Role::ColumnValue: return "column_value";
  case Role::Element: return "element";
  case Role::ErrorCode: return "error_code";
  case Role::ErrorField: return "error_field";
  case Role::ParseInt: return "parse_int";
  case Role::StringCompare: return "string_compare";
  case Role::Bind: return "bind";
  case Role::AffectedRows: return "affected_rows";
  case Role::StoreResult: return "store_result";
  case Role::FetchRow: return "fetch_row";
  case Role::StatementInit: return "statement_init";
  case Role::ExecutePrepared: return "execute_prepared";
  case Role::Fetch: return "fetch";
  case Role::FormatInto: return "format_into";
  case Role::ColumnInto: return "column_into";
  case Role::GotData: return "got_data";
  case Role::TxnBegin: return "txn_begin";
  case Role::TxnCommit: return "txn_commit";
  case Role::TxnRollback: return "txn_rollback";
  case Role::SetDialect: return "set_dialect";
  case Role::SetIsolation: return "set_isolation";
  case Role::TxnObject: return "txn_object";
  }
  return "?";
}

static const Role AllRoles[] = {
    Role::Execute,     Role::Prepare,  Role::PrepareNamed, Role::ExecuteNamed,
    Role::Step,        Role::RowCount, Role::IsEmpty,      Role::ColumnValue,
    Role::Element,     Role::ErrorCode, Role::ErrorField,  Role::ParseInt,
    Role::StringCompare, Role::Bind, Role::AffectedRows, Role::StoreResult,
    Role::FetchRow, Role::StatementInit, Role::ExecutePrepared, Role::Fetch,
    Role::FormatInto, Role::ColumnInto, Role::GotData, Role::TxnBegin,
    Role::TxnCommit, Role::TxnRollback, Role::SetDialect, Role::SetIsolation,
    Role::TxnObject};

namespace {
/// Validates one parsed file against the rules schema and fills the tables.
/// Every message carries file:line:col from the JSON text.
class FileReader {
public:
  FileReader(llvm::StringRef File, llvm::StringRef Text, const json &Root)
      : File(File), Positions(Text), Root(Root) {}

  llvm::Error read(ApiRules &Api, std::vector<FunctionRule> &Functions,
                   std::vector<TypeRule> &Types,
                   ProjectConfig *Config = nullptr);

private:
  std::string File;
  JsonPositions Positions;
  const json &Root;
  std::string FirstError;

  void fail(const std::string &Pointer, const llvm::Twine &Message,
            bool AtKey = false) {
    if (FirstError.empty())
      FirstError = Positions.where(File, Pointer, AtKey) + ": " + Message.str();
  }
  bool checkKeys(const json &Obj, const std::string &Pointer,
                 llvm::ArrayRef<llvm::StringRef> Allowed,
                 llvm::ArrayRef<llvm::StringRef> Required);
  std::optional<std::string> getString(const json &Obj,
                                       const std::string &Pointer,
                                       llvm::StringRef Key);
  std::optional<int64_t> getInt(const json &Obj, const std::string &Pointer,
                                llvm::StringRef Key);
  int getArg(const json &Obj, const std::string &Pointer, llvm::StringRef Key);
  std::vector<std::string> getStrings(const json &Obj,
                                      const std::string &Pointer,
                                      llvm::StringRef Key);
  void readFunction(const json &F, const std::string &Pointer,
                    FunctionRule &Out);
  void readType(const json &T, const std::string &Pointer, TypeRule &Out);
  void readIsolationNames(const json &Names, const std::string &Where,
                          llvm::StringMap<sql::Isolation> &Out);
  void readWhen(const json &W, const std::string &Where, FunctionRule &Out);
};
} // namespace

static std::string typeName(const json &V) { return V.type_name(); }

/// A value as messages quote it: its JSON text, cut short when long (a
/// wrong value may be a whole array), never throwing on odd strings.
static std::string shown(const json &V) {
  std::string Text = V.dump(-1, ' ', false, json::error_handler_t::replace);
  if (Text.size() > 60)
    Text = Text.substr(0, 57) + "...";
  return Text;
}

bool FileReader::checkKeys(const json &Obj, const std::string &Pointer,
                           llvm::ArrayRef<llvm::StringRef> Allowed,
                           llvm::ArrayRef<llvm::StringRef> Required) {
  if (!Obj.is_object()) {
    fail(Pointer, "expected an object, found " + typeName(Obj));
    return false;
  }
  for (auto It = Obj.begin(); It != Obj.end(); ++It) {
    llvm::StringRef Key = It.key();
    if (llvm::is_contained(Allowed, Key))
      continue;
    // Suggest the closest allowed key, as compilers do for typos.
    llvm::StringRef Best;
    unsigned BestDistance = 3;
    for (llvm::StringRef A : Allowed) {
      unsigned D = Key.edit_distance(A, true, BestDistance);
      if (D < BestDistance) {
        BestDistance = D;
        Best = A;
      }
    }
    std::string Msg = "unknown key '" + Key.str() + "'";
    if (!Best.empty())
      Msg += "; did you mean '" + Best.str() + "'?";
    else
      Msg += " (allowed: " + llvm::join(Allowed, ", ") + ")";
    fail(Pointer + "/" + Key.str(), Msg, /*AtKey=*/true);
  }
  for (llvm::StringRef R : Required)
    if (!Obj.contains(R.str()))
      fail(Pointer, "missing required key '" + R + "'");
  return true;
}

std::optional<std::string> FileReader::getString(const json &Obj,
                                                 const std::string &Pointer,
                                                 llvm::StringRef Key) {
  if (!Obj.contains(Key.str()))
    return std::nullopt;
  const json &V = Obj[Key.str()];
  if (!V.is_string()) {
    fail(Pointer + "/" + Key.str(),
         "'" + Key + "' must be a string, found " + typeName(V));
    return std::nullopt;
  }
  return V.get<std::string>();
}

std::optional<int64_t> FileReader::getInt(const json &Obj,
                                          const std::string &Pointer,
                                          llvm::StringRef Key) {
  if (!Obj.contains(Key.str()))
    return std::nullopt;
  const json &V = Obj[Key.str()];
  if (!V.is_number_integer()) {
    fail(Pointer + "/" + Key.str(),
         "'" + Key + "' must be an integer, found " + typeName(V));
    return std::nullopt;
  }
  return V.get<int64_t>();
}

// An argument position: a 0-based index, "object" (the implicit object of a
// member call) or "return" (the call's value).
int FileReader::getArg(const json &Obj, const std::string &Pointer,
                       llvm::StringRef Key) {
  if (!Obj.contains(Key.str()))
    return NoArg;
  const json &V = Obj[Key.str()];
  std::string Where = Pointer + "/" + Key.str();
  if (V.is_string()) {
    if (V == "object")
      return ObjectArg;
    if (V == "return")
      return ReturnValue;
    if (V == "next")
      return NextArg;
    fail(Where, "'" + Key + "' must be an argument index, \"object\" or "
                            "\"return\", found \"" +
                    V.get<std::string>() + "\"");
    return NoArg;
  }
  if (!V.is_number_integer() || V.get<int64_t>() < 0 ||
      V.get<int64_t>() > 64) {
    fail(Where, "'" + Key +
                    "' must be an argument index from 0 to 64, \"object\" or "
                    "\"return\", found " +
                    shown(V));
    return NoArg;
  }
  return static_cast<int>(V.get<int64_t>());
}

std::vector<std::string> FileReader::getStrings(const json &Obj,
                                                const std::string &Pointer,
                                                llvm::StringRef Key) {
  std::vector<std::string> Out;
  if (!Obj.contains(Key.str()))
    return Out;
  const json &V = Obj[Key.str()];
  std::string Where = Pointer + "/" + Key.str();
  if (!V.is_array()) {
    fail(Where, "'" + Key + "' must be an array of strings, found " +
                    typeName(V));
    return Out;
  }
  for (size_t I = 0; I < V.size(); ++I) {
    if (!V[I].is_string())
      fail(Where + "/" + std::to_string(I),
           "expected a string, found " + typeName(V[I]));
    else
      Out.push_back(V[I].get<std::string>());
  }
  return Out;
}

void FileReader::readFunction(const json &F, const std::string &Pointer,
                              FunctionRule &Out) {
  if (!checkKeys(F, Pointer,
                 {"name", "params", "role", "connection_arg", "sql_arg", "name_arg",
                  "statement_arg", "statement_out_arg", "result_arg",
                  "value_arg", "index_arg", "params_arg", "params_from",
                  "row_code", "done_code", "dialect_names", "dialect_match",
                  "index_base", "when", "isolation_arg", "isolation_names",
                  "returns_value", "note"},
                 {"name", "role"}))
    return;
  Out.Name = llvm::StringRef(getString(F, Pointer, "name").value_or(""))
                 .ltrim(':')
                 .str();
  std::string RoleText = getString(F, Pointer, "role").value_or("");
  bool Known = false;
  for (Role R : AllRoles)
    if (roleName(R) == RoleText) {
      Out.TheRole = R;
      Known = true;
    }
  if (!Known && F.contains("role") && F["role"].is_string()) {
    std::vector<llvm::StringRef> Names;
    for (Role R : AllRoles)
      Names.push_back(roleName(R));
    fail(Pointer + "/role", "unknown role \"" + RoleText +
                                "\"; expected one of: " +
                                llvm::join(Names, ", "));
  }
  Out.Where = Positions.where(File, Pointer);
  Out.ConnectionArg = getArg(F, Pointer, "connection_arg");
  Out.SqlArg = getArg(F, Pointer, "sql_arg");
  Out.NameArg = getArg(F, Pointer, "name_arg");
  Out.StatementArg = getArg(F, Pointer, "statement_arg");
  Out.StatementOut = getArg(F, Pointer, "statement_out_arg");
  Out.ResultArg = getArg(F, Pointer, "result_arg");
  Out.ValueArg = getArg(F, Pointer, "value_arg");
  Out.IndexArg = getArg(F, Pointer, "index_arg");
  Out.ParamsArg = getArg(F, Pointer, "params_arg");
  Out.ParamsFrom = getArg(F, Pointer, "params_from");
  Out.RowCode = getInt(F, Pointer, "row_code");
  if (F.contains("dialect_names")) {
    const json &Names = F["dialect_names"];
    std::string Where = Pointer + "/dialect_names";
    if (!Names.is_object())
      fail(Where, "'dialect_names' must be an object mapping names to dialects");
    else
      for (auto It = Names.begin(); It != Names.end(); ++It) {
        sql::Dialect D = It.value().is_string()
                             ? sql::parseDialect(It.value().get<std::string>())
                             : sql::Dialect::Unknown;
        if (D == sql::Dialect::Unknown)
          fail(Where + "/" + It.key(),
               "expected postgresql, mysql, sqlite or sqlserver, found " +
                   shown(It.value()));
        else
          Out.DialectNames.emplace_back(It.key(), D);
      }
  }
  if (auto Match = getString(F, Pointer, "dialect_match")) {
    if (*Match == "prefix")
      Out.DialectMatch = NameMatch::Prefix;
    else if (*Match == "contains")
      Out.DialectMatch = NameMatch::Contains;
    else
      fail(Pointer + "/dialect_match",
           "'dialect_match' must be \"prefix\" or \"contains\", found \"" +
               *Match + "\"");
  }
  if (F.contains("when"))
    readWhen(F["when"], Pointer + "/when", Out);
  Out.IsolationArg = getArg(F, Pointer, "isolation_arg");
  if (F.contains("isolation_names"))
    readIsolationNames(F["isolation_names"], Pointer + "/isolation_names",
                       Out.IsolationNames);
  if (F.contains("returns_value")) {
    if (!F["returns_value"].is_boolean())
      fail(Pointer + "/returns_value",
           "'returns_value' must be true or false, found " +
               shown(F["returns_value"]));
    else
      Out.ReturnsValue = F["returns_value"].get<bool>();
    if (Out.TheRole != Role::Execute)
      fail(Pointer + "/returns_value",
           "'returns_value' applies to role \"execute\" only");
  }
  if (auto Base = getInt(F, Pointer, "index_base")) {
    if (*Base != 0 && *Base != 1)
      fail(Pointer + "/index_base",
           "'index_base' must be 0 or 1, found " + std::to_string(*Base));
    else
      Out.IndexBase = static_cast<int>(*Base);
  }
  if (auto P = getInt(F, Pointer, "params")) {
    if (*P < 0 || *P > 64)
      fail(Pointer + "/params",
           "'params' must be a parameter count from 0 to 64, found " +
               std::to_string(*P));
    else
      Out.Params = static_cast<int>(*P);
  }
  Out.DoneCode = getInt(F, Pointer, "done_code");

  // Each role needs its arguments; say which one is missing.
  auto Need = [&](int Value, llvm::StringRef Key) {
    if (Value == NoArg && !F.contains(Key.str()))
      fail(Pointer, "role \"" + RoleText + "\" needs '" + Key + "'");
  };
  switch (Out.TheRole) {
  case Role::Execute:
    Need(Out.SqlArg, "sql_arg");
    Need(Out.ConnectionArg, "connection_arg");
    break;
  case Role::Prepare:
    Need(Out.SqlArg, "sql_arg");
    Need(Out.ConnectionArg, "connection_arg");
    Need(Out.StatementOut, "statement_out_arg");
    break;
  case Role::PrepareNamed:
    Need(Out.SqlArg, "sql_arg");
    Need(Out.NameArg, "name_arg");
    Need(Out.ConnectionArg, "connection_arg");
    break;
  case Role::ExecuteNamed:
    Need(Out.NameArg, "name_arg");
    Need(Out.ConnectionArg, "connection_arg");
    break;
  case Role::Step:
  case Role::Fetch:
    Need(Out.StatementArg, "statement_arg");
    if (!Out.RowCode || !Out.DoneCode)
      fail(Pointer, "role \"" + RoleText + "\" needs 'row_code' and 'done_code'");
    break;
  case Role::ExecutePrepared:
    Need(Out.StatementArg, "statement_arg");
    break;
  case Role::StoreResult:
  case Role::StatementInit:
    Need(Out.ConnectionArg, "connection_arg");
    break;
  case Role::FetchRow:
    Need(Out.ResultArg, "result_arg");
    break;
  case Role::RowCount:
  case Role::IsEmpty:
  case Role::ColumnValue:
  case Role::Element:
  case Role::ErrorField:
    Need(Out.ResultArg, "result_arg");
    break;
  case Role::ErrorCode:
  case Role::AffectedRows:
    break;
  case Role::ColumnInto:
    Need(Out.ValueArg, "value_arg");
    break;
  case Role::SetDialect:
    Need(Out.ValueArg, "value_arg");
    if (Out.DialectNames.empty())
      fail(Pointer, "role \"set_dialect\" needs 'dialect_names'");
    break;
  case Role::SetIsolation:
    Need(Out.ConnectionArg, "connection_arg");
    Need(Out.IsolationArg, "isolation_arg");
    if (Out.IsolationNames.empty())
      fail(Pointer, "role \"set_isolation\" needs 'isolation_names'");
    break;
  case Role::TxnObject:
    Need(Out.ConnectionArg, "connection_arg");
    if (Out.IsolationArg != NoArg && Out.IsolationNames.empty())
      fail(Pointer, "'isolation_arg' needs 'isolation_names'");
    break;
  case Role::GotData:
  case Role::TxnBegin:
  case Role::TxnCommit:
  case Role::TxnRollback:
    Need(Out.ConnectionArg, "connection_arg");
    break;
  case Role::Bind:
    // Without statement_arg: the statement of the same full expression.
    if (Out.IndexArg == NoArg)
      Need(Out.IndexArg, "index_arg");
    Need(Out.ValueArg, "value_arg");
    break;
  case Role::ParseInt:
  case Role::StringCompare:
  case Role::FormatInto:
    Need(Out.ValueArg, "value_arg");
    break;
  }
}

void FileReader::readType(const json &T, const std::string &Pointer,
                          TypeRule &Out) {
  if (!checkKeys(T, Pointer,
                 {"name", "role", "connection_ctor_arg", "sql_ctor_arg",
                  "isolation_template_arg", "isolation_names", "note"},
                 {"name", "role"}))
    return;
  Out.Name =
      llvm::StringRef(getString(T, Pointer, "name").value_or("")).ltrim(':').str();
  std::string RoleText = getString(T, Pointer, "role").value_or("");
  if (RoleText == "transaction")
    Out.TheRole = TypeRole::Transaction;
  else if (RoleText == "autocommit")
    Out.TheRole = TypeRole::Autocommit;
  else if (RoleText == "query")
    Out.TheRole = TypeRole::Query;
  else if (RoleText == "facet")
    Out.TheRole = TypeRole::Facet;
  else if (RoleText == "statement_text")
    Out.TheRole = TypeRole::StatementText;
  else
    fail(Pointer + "/role", "unknown type role \"" + RoleText +
                                "\"; expected \"transaction\", \"autocommit\", \"query\", \"facet\" or \"statement_text\"");
  Out.SqlCtorArg = getArg(T, Pointer, "sql_ctor_arg");
  if (Out.TheRole == TypeRole::StatementText && Out.SqlCtorArg < 0)
    fail(Pointer, "type role \"statement_text\" needs 'sql_ctor_arg'");
  int Ctor = getArg(T, Pointer, "connection_ctor_arg");
  Out.ConnectionCtorArg = Ctor == NoArg ? 0 : Ctor;
  Out.IsolationTemplateArg = getArg(T, Pointer, "isolation_template_arg");
  if (T.contains("isolation_names"))
    readIsolationNames(T["isolation_names"], Pointer + "/isolation_names",
                       Out.IsolationNames);
}

void FileReader::readIsolationNames(const json &Names, const std::string &Where,
                                    llvm::StringMap<sql::Isolation> &Out) {
  if (!Names.is_object()) {
    fail(Where, "'isolation_names' must be an object");
    return;
  }
  for (auto It = Names.begin(); It != Names.end(); ++It) {
    static const std::pair<llvm::StringRef, sql::Isolation> Levels[] = {
        {"read_uncommitted", sql::Isolation::ReadUncommitted},
        {"read_committed", sql::Isolation::ReadCommitted},
        {"repeatable_read", sql::Isolation::RepeatableRead},
        {"serializable", sql::Isolation::Serializable},
        {"snapshot", sql::Isolation::Snapshot}};
    bool Found = false;
    if (It.value().is_string())
      for (auto &[Name, Level] : Levels)
        if (It.value() == Name.str()) {
          Out[It.key()] = Level;
          Found = true;
        }
    if (!Found)
      fail(Where + "/" + It.key(),
           "isolation level must be one of read_uncommitted, "
           "read_committed, repeatable_read, serializable, snapshot; found " +
               shown(It.value()));
  }
}

// "when": { "<argument index>": [ "NAME", 42, ... ], ... }
void FileReader::readWhen(const json &W, const std::string &Where,
                          FunctionRule &Out) {
  if (!W.is_object() || W.empty()) {
    fail(Where, "'when' must be an object mapping argument indexes to arrays "
                "of constant names or integers");
    return;
  }
  for (auto It = W.begin(); It != W.end(); ++It) {
    std::string At = Where + "/" + It.key();
    int Index = -1;
    if (!llvm::to_integer(It.key(), Index, 10) || Index < 0 || Index > 64) {
      fail(At, "'when' keys must be argument indexes from 0 to 64, found \"" +
                   It.key() + "\"", /*AtKey=*/true);
      continue;
    }
    ArgCondition C;
    C.Arg = Index;
    if (!It.value().is_array() || It.value().empty()) {
      fail(At, "expected a non-empty array of constant names or integers, "
               "found " + shown(It.value()));
      continue;
    }
    for (size_t I = 0; I < It.value().size(); ++I) {
      const json &V = It.value()[I];
      if (V.is_string())
        C.Names.push_back(llvm::StringRef(V.get<std::string>()).ltrim(':').str());
      else if (V.is_number_integer())
        C.Values.push_back(V.get<int64_t>());
      else
        fail(At + "/" + std::to_string(I),
             "expected a constant name or an integer, found " + typeName(V));
    }
    Out.When.push_back(std::move(C));
  }
}

llvm::Error FileReader::read(ApiRules &Api,
                             std::vector<FunctionRule> &Functions,
                             std::vector<TypeRule> &Types,
                             ProjectConfig *Config) {
  // A project config has its own keys; its "wrappers" are "functions".
  llvm::StringRef FunctionsKey = Config ? "wrappers" : "functions";
  if (Config)
    checkKeys(Root, "",
              {"dialect", "schema", "rules", "wrappers", "types",
               "unique_violation", "registries", "checks", "check_options",
               "description"},
              {});
  else
    checkKeys(Root, "",
              {"schema", "library", "source", "dialect", "headers",
               "functions", "types", "unique_violation"},
              {"schema", "library", "source"});
  if (Config && Root.is_object()) {
    Api.Library = "project wrappers (" + File + ")";
    Api.Source = File;
    llvm::StringRef Dir = llvm::sys::path::parent_path(File);
    auto Absolute = [&](const std::string &P) {
      llvm::SmallString<256> Path(P);
      if (!llvm::sys::path::is_absolute(Path)) {
        Path = Dir;
        llvm::sys::path::append(Path, P);
      }
      return std::string(Path);
    };
    // "schema" is a list of paths here, not a version number.
    for (const std::string &P : getStrings(Root, "", "schema"))
      Config->SchemaPaths.push_back(Absolute(P));
    for (const std::string &P : getStrings(Root, "", "rules"))
      Config->RulesFiles.push_back(Absolute(P));
    for (std::string R : getStrings(Root, "", "registries"))
      Config->Registries.push_back(llvm::StringRef(R).ltrim(':').str());
    Config->Checks = getString(Root, "", "checks").value_or("");
    if (Root.contains("check_options")) {
      const json &Options = Root["check_options"];
      // Every check takes options.
      std::vector<llvm::StringRef> Allowed;
      for (const project::CheckInfo &C : project::checkList())
        Allowed.push_back(C.Id);
      if (checkKeys(Options, "/check_options", Allowed, {}))
        for (auto It = Options.begin(); It != Options.end(); ++It) {
          std::string Where = "/check_options/" + It.key();
          if (!checkKeys(It.value(), Where, {"ignored_tables"}, {}))
            continue;
          Config->PerCheck[It.key()].IgnoredTables =
              getStrings(It.value(), Where, "ignored_tables");
        }
    }
  }
  if (Root.is_object()) {
    if (!Config) {
      if (auto Schema = getInt(Root, "", "schema"); Schema && *Schema != 1)
        fail("/schema", "unsupported schema version " +
                            std::to_string(*Schema) +
                            "; this sqlrace reads schema 1");
      Api.Library = getString(Root, "", "library").value_or("");
      Api.Source = getString(Root, "", "source").value_or("");
    }
    if (auto D = getString(Root, "", "dialect")) {
      Api.Dialect = sql::parseDialect(*D);
      if (Api.Dialect == sql::Dialect::Unknown)
        fail("/dialect", "unknown dialect \"" + *D +
                             "\"; expected postgresql, mysql, sqlite or "
                             "sqlserver");
      if (Config)
        Config->Dialect = Api.Dialect;
    }
    Api.Headers = getStrings(Root, "", "headers");
    if (Root.contains(FunctionsKey.str())) {
      const json &Fs = Root[FunctionsKey.str()];
      std::string P = "/" + FunctionsKey.str();
      if (!Fs.is_array())
        fail(P, "'" + FunctionsKey + "' must be an array of objects");
      else
        for (size_t I = 0; I < Fs.size(); ++I) {
          FunctionRule F;
          readFunction(Fs[I], P + "/" + std::to_string(I), F);
          if (Config)
            F.WrapperIndex = static_cast<int>(I);
          Functions.push_back(std::move(F));
        }
    }
    if (Root.contains("types")) {
      const json &Ts = Root["types"];
      if (!Ts.is_array())
        fail("/types", "'types' must be an array of objects");
      else
        for (size_t I = 0; I < Ts.size(); ++I) {
          TypeRule T;
          readType(Ts[I], "/types/" + std::to_string(I), T);
          Types.push_back(std::move(T));
        }
    }
    if (Root.contains("unique_violation")) {
      const json &U = Root["unique_violation"];
      std::string P = "/unique_violation";
      if (checkKeys(U, P, {"codes", "sqlstates", "exceptions", "names"}, {})) {
        if (U.contains("codes")) {
          const json &Cs = U["codes"];
          if (!Cs.is_array())
            fail(P + "/codes", "'codes' must be an array of integers");
          else
            for (size_t I = 0; I < Cs.size(); ++I) {
              if (Cs[I].is_number_integer())
                Api.Unique.Codes.push_back(Cs[I].get<int64_t>());
              else
                fail(P + "/codes/" + std::to_string(I),
                     "expected an integer, found " + typeName(Cs[I]));
            }
        }
        Api.Unique.SqlStates = getStrings(U, P, "sqlstates");
        for (std::string &E : Api.Unique.Exceptions =
                 getStrings(U, P, "exceptions"))
          E = llvm::StringRef(E).ltrim(':').str();
        for (std::string &N : Api.Unique.Names = getStrings(U, P, "names"))
          N = llvm::StringRef(N).ltrim(':').str();
      }
    }
  }
  if (!FirstError.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   FirstError);
  return llvm::Error::success();
}

namespace {
/// nlohmann_json's own DOM builder behind its SAX interface, to learn where
/// a parse stops: parse errors and numbers out of range (1e400, which
/// json::parse throws as out_of_range, not parse_error) alike.
class PositionedParser : public nlohmann::json_sax<json> {
public:
  explicit PositionedParser(json &Root) : Dom(Root, /*allow_exceptions=*/false) {}
  std::optional<size_t> FailedAt;
  std::string Why;

  bool null() override { return Dom.null(); }
  bool boolean(bool V) override { return Dom.boolean(V); }
  bool number_integer(number_integer_t V) override {
    return Dom.number_integer(V);
  }
  bool number_unsigned(number_unsigned_t V) override {
    return Dom.number_unsigned(V);
  }
  bool number_float(number_float_t V, const string_t &S) override {
    return Dom.number_float(V, S);
  }
  bool string(string_t &V) override { return Dom.string(V); }
  bool binary(binary_t &V) override { return Dom.binary(V); }
  bool start_object(std::size_t N) override { return Dom.start_object(N); }
  bool key(string_t &V) override { return Dom.key(V); }
  bool end_object() override { return Dom.end_object(); }
  bool start_array(std::size_t N) override { return Dom.start_array(N); }
  bool end_array() override { return Dom.end_array(); }
  bool parse_error(std::size_t Position, const std::string &Token,
                   const nlohmann::detail::exception &E) override {
    // Position is just past the offending token: a syntax error points at
    // its last character, a number out of range at its first.
    size_t Back = dynamic_cast<const nlohmann::detail::parse_error *>(&E)
                      ? 1
                      : std::max<size_t>(Token.size(), 1);
    FailedAt = Position >= Back ? Position - Back : 0;
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at
    // line 1, column 2: " prefix; the caller prints its own position.
    llvm::StringRef What = E.what();
    if (size_t Id = What.find("] "); Id != llvm::StringRef::npos)
      What = What.drop_front(Id + 2);
    if (What.starts_with("parse error"))
      if (size_t Colon = What.find(": "); Colon != llvm::StringRef::npos)
        What = What.drop_front(Colon + 2);
    Why = What.str();
    return false;
  }

private:
  nlohmann::detail::json_sax_dom_parser<json> Dom;
};
} // namespace

/// Parses Text into Root; an error names File, line and column. Nesting is
/// bounded first, so neither the parser nor anything that walks the
/// document later (dump(), the readers) meets an unbounded depth.
static llvm::Error parseJson(const std::string &File, llvm::StringRef Text,
                             json &Root) {
  auto Fail = [&](size_t Offset, const std::string &Why) {
    auto [Line, Col] = lineColumn(Text, Offset);
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s:%u:%u: invalid JSON: %s", File.c_str(),
                                   Line, Col, Why.c_str());
  };
  if (std::optional<size_t> Deep = findDeepNesting(Text))
    return Fail(*Deep, "nested deeper than " + std::to_string(MaxJsonDepth) +
                           " levels");
  PositionedParser Parser(Root);
  try {
    if (json::sax_parse(Text.begin(), Text.end(), &Parser) && !Parser.FailedAt)
      return llvm::Error::success();
  } catch (const json::exception &E) {
    // Not expected with exceptions off in the DOM builder; still no crash.
    return Fail(0, E.what());
  }
  return Fail(Parser.FailedAt.value_or(0),
              Parser.Why.empty() ? "cannot parse" : Parser.Why);
}

class CatalogueLoader {
public:
  static llvm::Expected<Catalogue>
  load(const std::vector<std::pair<std::string, std::string>> &NamedTexts,
       ProjectConfig *Config = nullptr, size_t ConfigIndex = ~size_t(0)) {
    Catalogue C;
    for (size_t Index = 0; Index < NamedTexts.size(); ++Index) {
      const auto &[File, Text] = NamedTexts[Index];
      json Root;
      if (llvm::Error E = parseJson(File, Text, Root))
        return std::move(E);
      auto Api = std::make_unique<ApiRules>();
      Api->File = File;
      std::vector<FunctionRule> Functions;
      std::vector<TypeRule> Types;
      try {
        FileReader Reader(File, Text, Root);
        if (llvm::Error E = Reader.read(*Api, Functions, Types,
                                        Index == ConfigIndex ? Config : nullptr))
          return std::move(E);
      } catch (const json::exception &E) {
        // Only reachable on a bug in the checks above; still no crash.
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "%s: %s", File.c_str(), E.what());
      }
      for (FunctionRule &F : Functions) {
        F.Api = Api.get();
        C.Usage->addWrapper(F);
        // Overloads told apart by their parameter count have keys of their
        // own.
        std::string Key = F.Params < 0 ? F.Name
                                       : F.Name + "/" + std::to_string(F.Params);
        // Rules that apply under conditions on arguments are several per
        // function, tried in order before the unconditional one.
        if (!F.When.empty()) {
          C.Conditional[Key].push_back(std::move(F));
          continue;
        }
        if (C.Functions.count(Key))
          return llvm::createStringError(
              llvm::inconvertibleErrorCode(),
              "%s: function '%s' is already described in %s", File.c_str(),
              Key.c_str(), C.Functions[Key].Api->File.c_str());
        C.Functions[Key] = std::move(F);
      }
      for (TypeRule &T : Types) {
        T.Api = Api.get();
        std::string Name = T.Name;
        C.Types[Name] = std::move(T);
      }
      C.Apis.push_back(std::move(Api));
    }
    return std::move(C);
  }
};

llvm::Expected<Catalogue> Catalogue::loadText(
    const std::vector<std::pair<std::string, std::string>> &NamedTexts) {
  return CatalogueLoader::load(NamedTexts);
}

llvm::Expected<Catalogue> Catalogue::loadConfigText(const std::string &Name,
                                                    const std::string &Text,
                                                    ProjectConfig &Config) {
  Config = ProjectConfig();
  Config.File = Name;
  return CatalogueLoader::load({{Name, Text}}, &Config, 0);
}

static llvm::Error readTexts(const std::vector<std::string> &Files,
                             std::vector<std::pair<std::string, std::string>> &Out,
                             llvm::StringRef What) {
  for (const std::string &F : Files) {
    // Only regular files of bounded size: /dev/zero or a FIFO would grow
    // or block without end.
    auto Buffer = readRegularFile(F);
    if (!Buffer)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(), "%s: cannot read %s: %s", F.c_str(),
          What.str().c_str(), llvm::toString(Buffer.takeError()).c_str());
    Out.emplace_back(F, (*Buffer)->getBuffer().str());
  }
  return llvm::Error::success();
}

llvm::Expected<Catalogue> Catalogue::load(const std::vector<std::string> &Files,
                                          const std::string &ConfigFile,
                                          ProjectConfig &Config) {
  Config = ProjectConfig();
  Config.File = ConfigFile;
  std::vector<std::pair<std::string, std::string>> Texts;
  if (llvm::Error E = readTexts(Files, Texts, "rules file"))
    return std::move(E);
  if (ConfigFile.empty())
    return CatalogueLoader::load(Texts);
  // Read the config once to learn its own rules files, then load all.
  std::vector<std::pair<std::string, std::string>> ConfigText;
  if (llvm::Error E = readTexts({ConfigFile}, ConfigText, "config file"))
    return std::move(E);
  {
    std::vector<std::pair<std::string, std::string>> Probe = ConfigText;
    auto First = CatalogueLoader::load(Probe, &Config, 0);
    if (!First)
      return First.takeError();
  }
  if (llvm::Error E = readTexts(Config.RulesFiles, Texts, "rules file"))
    return std::move(E);
  ProjectConfig Again;
  Texts.push_back(ConfigText.front());
  auto Loaded = CatalogueLoader::load(Texts, &Again, Texts.size() - 1);
  if (Loaded)
    Again.File = ConfigFile, Config = Again;
  return Loaded;
}

std::string Catalogue::findConfig(llvm::StringRef Dir) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::fs::make_absolute(Path);
  // "./a.cpp" and "a.cpp" find the same file, so they share its setup
  // (".." is kept: through a symbolic link it is not the lexical parent).
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/false);
  while (!Path.empty()) {
    llvm::SmallString<256> Candidate(Path);
    llvm::sys::path::append(Candidate, ".sqlrace.json");
    if (llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
    size_t ParentSize = llvm::sys::path::parent_path(Path).size();
    if (ParentSize == 0 || ParentSize == Path.size())
      break;
    Path.resize(ParentSize); // the parent is a prefix of Path
  }
  return "";
}

llvm::Expected<Catalogue> Catalogue::load(const std::vector<std::string> &Files) {
  std::vector<std::pair<std::string, std::string>> Texts;
  if (llvm::Error E = readTexts(Files, Texts, "rules file"))
    return std::move(E);
  return CatalogueLoader::load(Texts);
}

int FunctionRule::maxArgIndex() const {
  int Max = -1;
  for (int I : {ConnectionArg, SqlArg, NameArg, StatementArg, StatementOut,
                ResultArg, ValueArg, IndexArg, ParamsArg, ParamsFrom,
                IsolationArg})
    Max = std::max(Max, I);
  for (const ArgCondition &C : When)
    Max = std::max(Max, C.Arg);
  return Max;
}

void Catalogue::noteMisfit(const FunctionRule &Rule, unsigned NumParams) const {
  std::string Key = Rule.Where + "/" + std::to_string(NumParams);
  std::lock_guard<std::mutex> Lock(*MisfitLock);
  if (!MisfitSeen.try_emplace(Key, true).second)
    return;
  Misfits.push_back(Rule.Where + ": '" + Rule.Name + "' names argument " +
                    std::to_string(Rule.maxArgIndex()) + ", but the function " +
                    "found in the code takes " + std::to_string(NumParams) +
                    (NumParams == 1 ? " parameter" : " parameters") +
                    " (arguments count from 0); the rule is not applied to it");
}

std::vector<std::string> Catalogue::takeMisfits() const {
  std::vector<std::string> Out;
  std::lock_guard<std::mutex> Lock(*MisfitLock);
  Out.swap(Misfits);
  return Out;
}

void Catalogue::noteCallee(llvm::StringRef QualifiedName, int NumParams) const {
  if (Usage->empty())
    return;
  Usage->noteCallee(QualifiedName, static_cast<unsigned>(std::max(NumParams, 0)),
                    function(QualifiedName, NumParams),
                    conditional(QualifiedName, NumParams));
}

void Catalogue::noteWrapperSql(const FunctionRule &Rule,
                               const std::string *Text) const {
  Usage->noteSqlArg(Rule, Text);
}

std::vector<ConfigWarning> Catalogue::wrapperWarnings(bool WholeProgram) const {
  return Usage->warnings(WholeProgram);
}

const FunctionRule *Catalogue::function(llvm::StringRef QualifiedName,
                                        int NumParams) const {
  if (NumParams >= 0) {
    auto It = Functions.find((QualifiedName + "/" + llvm::Twine(NumParams)).str());
    if (It != Functions.end())
      return &It->second;
  }
  auto It = Functions.find(QualifiedName);
  return It == Functions.end() ? nullptr : &It->second;
}

llvm::ArrayRef<FunctionRule>
Catalogue::conditional(llvm::StringRef QualifiedName, int NumParams) const {
  if (NumParams >= 0) {
    auto It =
        Conditional.find((QualifiedName + "/" + llvm::Twine(NumParams)).str());
    if (It != Conditional.end())
      return It->second;
  }
  auto It = Conditional.find(QualifiedName);
  if (It == Conditional.end())
    return {};
  return It->second;
}

const TypeRule *Catalogue::type(llvm::StringRef QualifiedName) const {
  auto It = Types.find(QualifiedName);
  return It == Types.end() ? nullptr : &It->second;
}

bool Catalogue::isUniqueViolationCode(int64_t Code) const {
  return llvm::any_of(Apis, [&](const auto &A) {
    return llvm::is_contained(A->Unique.Codes, Code);
  });
}

bool Catalogue::isUniqueViolationState(llvm::StringRef SqlState) const {
  return llvm::any_of(Apis, [&](const auto &A) {
    return llvm::is_contained(A->Unique.SqlStates, SqlState.str());
  });
}

bool Catalogue::isUniqueViolationException(llvm::StringRef Name) const {
  return llvm::any_of(Apis, [&](const auto &A) {
    return llvm::is_contained(A->Unique.Exceptions, Name.str());
  });
}

bool Catalogue::isUniqueViolationName(llvm::StringRef Name) const {
  return llvm::any_of(Apis, [&](const auto &A) {
    return llvm::is_contained(A->Unique.Names, Name.str());
  });
}

std::vector<std::string> defaultRulesFiles() {
  std::vector<std::string> Files;
  llvm::SmallVector<std::string, 2> Dirs;
  if (const char *Env = std::getenv("SQLRACE_RULES_DIR"))
    Dirs.push_back(Env);
  Dirs.push_back(SQLRACE_RULES_DIR);
  for (const std::string &Dir : Dirs) {
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC))
      if (llvm::sys::path::extension(It->path()) == ".json" &&
          llvm::sys::path::filename(It->path()) != "schema.json")
        Files.push_back(It->path());
    if (!Files.empty())
      break;
  }
  llvm::sort(Files);
  return Files;
}

} // namespace sqlrace::catalogue
