//===- Inputs.cpp - sqlrace -------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "Inputs.h"
#include "sqlrace/catalogue/JsonText.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace sqlrace {

using catalogue::JsonPositions;

static llvm::Error makeError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

llvm::Error checkSourceFile(llvm::StringRef Source) {
  if (llvm::Error E = catalogue::checkRegularFile(Source, MaxSourceFileBytes))
    return E;
  // Regular, so opening cannot block; this only asks for permission.
  auto FD = llvm::sys::fs::openNativeFileForRead(Source);
  if (!FD)
    return FD.takeError();
  llvm::sys::fs::closeFile(*FD);
  return llvm::Error::success();
}

llvm::Error checkCompileDirectories(const clang::tooling::CompilationDatabase &DB,
                                    llvm::StringRef Source) {
  llvm::SmallString<256> Absolute(Source);
  llvm::sys::fs::make_absolute(Absolute);
  for (const clang::tooling::CompileCommand &C : DB.getCompileCommands(Absolute)) {
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(C.Directory, St))
      return makeError("compile command directory '" + C.Directory +
                       "' does not exist");
    if (St.type() != llvm::sys::fs::file_type::directory_file)
      return makeError("compile command directory '" + C.Directory +
                       "' is not a directory");
  }
  return llvm::Error::success();
}

static const char *jsonKind(const llvm::json::Value &V) {
  switch (V.kind()) {
  case llvm::json::Value::Null:
    return "null";
  case llvm::json::Value::Boolean:
    return "a boolean";
  case llvm::json::Value::Number:
    return "a number";
  case llvm::json::Value::String:
    return "a string";
  case llvm::json::Value::Array:
    return "an array";
  case llvm::json::Value::Object:
    return "an object";
  }
  return "a value";
}

/// What is wrong with one compile command, or "" when nothing is. Keeps
/// only the keys clang reads (clang's own loader refuses the whole database
/// for an unknown key).
static std::string checkEntry(const llvm::json::Value &V,
                              llvm::json::Object &Kept) {
  const llvm::json::Object *O = V.getAsObject();
  if (!O)
    return std::string("is ") + jsonKind(V) + ", not an object";
  for (llvm::StringRef Key : {"directory", "file", "output", "command"}) {
    const llvm::json::Value *Field = O->get(Key);
    if (!Field)
      continue;
    if (!Field->getAsString())
      return ("has \"" + Key + "\" as " + jsonKind(*Field) +
              ", not a string")
          .str();
    Kept[Key] = *Field;
  }
  if (const llvm::json::Value *Args = O->get("arguments")) {
    const llvm::json::Array *A = Args->getAsArray();
    if (!A)
      return std::string("has \"arguments\" as ") + jsonKind(*Args) +
             ", not an array of strings";
    for (const llvm::json::Value &Arg : *A)
      if (!Arg.getAsString())
        return std::string("has ") + jsonKind(Arg) +
               " in \"arguments\", where only strings are allowed";
    if (A->empty())
      return "has an empty \"arguments\" array";
    Kept["arguments"] = *Args;
  }
  if (!Kept.get("file"))
    return "has no \"file\"";
  if (!Kept.get("directory"))
    return "has no \"directory\"";
  if (!Kept.get("command") && !Kept.get("arguments"))
    return "has neither \"command\" nor \"arguments\"";
  if (!Kept.get("arguments") &&
      Kept.getString("command")->trim().empty())
    return "has an empty \"command\"";
  return "";
}

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompileCommands(llvm::StringRef JsonFile, std::vector<std::string> &Skipped) {
  auto Buffer = catalogue::readRegularFile(JsonFile, MaxCompileDatabaseBytes);
  if (!Buffer)
    return makeError("cannot read compilation database '" + JsonFile +
                     "': " + llvm::toString(Buffer.takeError()));
  llvm::StringRef Text = (*Buffer)->getBuffer();
  if (Text.trim().empty())
    return makeError(JsonFile +
                     ": empty file; expected a JSON array of compile commands");
  auto Doc = catalogue::parseBoundedJson(JsonFile, Text);
  if (!Doc)
    return Doc.takeError();
  JsonPositions Positions(Text);
  const llvm::json::Array *Entries = Doc->getAsArray();
  if (!Entries)
    return makeError(Positions.where(JsonFile, "") +
                     ": expected a JSON array of compile commands, found " +
                     jsonKind(*Doc));
  llvm::json::Array Good;
  for (size_t I = 0; I < Entries->size(); ++I) {
    llvm::json::Object Kept;
    std::string Problem = checkEntry((*Entries)[I], Kept);
    if (Problem.empty()) {
      Good.push_back(std::move(Kept));
      continue;
    }
    Skipped.push_back(Positions.where(JsonFile, "/" + std::to_string(I)) +
                      ": compile command " + std::to_string(I + 1) + " " +
                      Problem + "; it is skipped");
  }
  // clang's loader reads the entries that passed, so that paths and command
  // lines mean what they mean to clang-tidy.
  std::string Clean = llvm::formatv("{0}", llvm::json::Value(std::move(Good)));
  std::string Error;
  std::unique_ptr<clang::tooling::CompilationDatabase> Base =
      clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          Clean, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Base)
    return makeError(JsonFile + ": cannot load: " + Error);
  return clang::tooling::inferTargetAndDriverMode(
      clang::tooling::inferMissingCompileCommands(
          clang::tooling::expandResponseFiles(std::move(Base),
                                              llvm::vfs::getRealFileSystem())));
}

/// The database in Dir: compile_commands.json (checked), else whatever
/// clang's plugins find there (compile_flags.txt). Null when none.
static llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
databaseIn(llvm::StringRef Dir, std::vector<std::string> &Skipped,
           std::string &Why) {
  llvm::SmallString<256> Json(Dir);
  llvm::sys::path::append(Json, "compile_commands.json");
  if (llvm::sys::fs::exists(Json))
    return loadCompileCommands(Json, Skipped);
  return clang::tooling::CompilationDatabase::loadFromDirectory(Dir, Why);
}

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
findCompilations(const std::optional<std::string> &BuildDir,
                 const std::vector<std::string> &Sources,
                 std::vector<std::string> &Skipped, bool &NotFound) {
  NotFound = false;
  std::string Why;
  if (BuildDir) {
    if (!llvm::sys::fs::is_directory(*BuildDir))
      return makeError("cannot load a compilation database from '" +
                       *BuildDir + "': not a directory");
    auto DB = databaseIn(*BuildDir, Skipped, Why);
    if (!DB || *DB)
      return DB;
    return makeError("cannot load a compilation database from '" + *BuildDir +
                     "': no compile_commands.json or compile_flags.txt there");
  }
  if (Sources.empty())
    return makeError("no input files; name source files, or give -p <build "
                     "dir> with a compile_commands.json");
  // As clang-tidy: the first file's directory, then each parent.
  llvm::SmallString<256> Dir(Sources.front());
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  for (llvm::StringRef D = llvm::sys::path::parent_path(Dir); !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    auto DB = databaseIn(D, Skipped, Why);
    if (!DB || *DB)
      return DB;
  }
  NotFound = true;
  return std::make_unique<clang::tooling::FixedCompilationDatabase>(
      ".", std::vector<std::string>());
}

} // namespace sqlrace
