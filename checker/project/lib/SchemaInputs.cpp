//===- SchemaInputs.cpp - sqlrace -------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "sqlrace/project/SchemaInputs.h"
#include "sqlrace/catalogue/JsonText.h"
#include "sqlrace/schema/Schema.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"

namespace sqlrace::project {

static llvm::Error makeError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// Why Text is not a schema: binary, or no DDL statement. "" when it is.
static std::string checkSchemaText(llvm::StringRef Text, sql::Dialect D,
                                   bool &HasDdl) {
  if (size_t Nul = Text.find('\0'); Nul != llvm::StringRef::npos) {
    auto [Line, Col] = catalogue::lineColumn(Text, Nul);
    return llvm::formatv("a binary file (a NUL byte at line {0}, column {1})",
                         Line, Col);
  }
  const auto *Begin = reinterpret_cast<const llvm::UTF8 *>(Text.begin());
  const llvm::UTF8 *At = Begin;
  if (!llvm::isLegalUTF8String(&At,
                               reinterpret_cast<const llvm::UTF8 *>(Text.end()))) {
    auto [Line, Col] = catalogue::lineColumn(Text, At - Begin);
    return llvm::formatv("not UTF-8 text (an invalid byte at line {0}, "
                         "column {1})",
                         Line, Col);
  }
  for (const sql::StatementFacts &St : sql::analyzeSql(Text, D))
    if (St.Kind == sql::StatementKind::DDL) {
      HasDdl = true;
      break;
    }
  return "";
}

static const char NoDdl[] =
    "no CREATE TABLE, CREATE UNIQUE INDEX or ALTER TABLE statement found";

llvm::Error checkSchemaPaths(const std::vector<std::string> &Paths,
                             llvm::StringRef Origin, sql::Dialect D,
                             std::vector<std::string> &Warnings) {
  for (const std::string &Path : Paths) {
    auto Fail = [&](const llvm::Twine &Why) {
      return makeError(Origin + " '" + Path + "': " + Why);
    };
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(Path, St))
      continue; // the schema loader says it cannot read it
    if (St.type() == llvm::sys::fs::file_type::directory_file) {
      auto Listed = schema::Schema::migrationFiles(Path);
      if (!Listed) {
        llvm::consumeError(Listed.takeError());
        continue; // the schema loader reports it
      }
      std::vector<std::string> &Files = *Listed;
      if (Files.empty()) {
        Warnings.push_back((Origin + " '" + Path +
                            "': no *.sql migrations in the directory")
                               .str());
        continue;
      }
      bool HasDdl = false;
      for (const std::string &File : Files) {
        auto Buffer = catalogue::readRegularFile(File);
        if (!Buffer)
          return Fail("cannot read '" + File +
                      "': " + llvm::toString(Buffer.takeError()));
        std::string Why = checkSchemaText((*Buffer)->getBuffer(), D, HasDdl);
        if (!Why.empty())
          return Fail("'" + File + "' is " + Why);
      }
      if (!HasDdl)
        return Fail(llvm::Twine(NoDdl) + " in its " +
                    llvm::Twine(Files.size()) + " *.sql file" +
                    (Files.size() == 1 ? "" : "s"));
      continue;
    }
    auto Buffer = catalogue::readRegularFile(Path);
    if (!Buffer)
      return Fail(llvm::toString(Buffer.takeError()));
    if ((*Buffer)->getBuffer().trim().empty())
      return Fail(llvm::Twine(NoDdl) + " (the file is empty)");
    bool HasDdl = false;
    std::string Why = checkSchemaText((*Buffer)->getBuffer(), D, HasDdl);
    if (!Why.empty())
      return Fail("is " + Why);
    if (!HasDdl)
      return Fail(NoDdl);
  }
  return llvm::Error::success();
}

} // namespace sqlrace::project
