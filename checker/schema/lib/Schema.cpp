//===- Schema.cpp - sqlrace -------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Coverage rules: a key protects a
// check only when all of its columns are fixed by the check's equalities; an
// expression key protects checks that use the same expression; a partial
// index protects only checks that restate its predicate.
//===----------------------------------------------------------------------===//
#include "sqlrace/schema/Schema.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace sqlrace::schema {

// The last part of a possibly schema-qualified name: keys declared on
// public.users protect checks on users.
static llvm::StringRef unqualified(llvm::StringRef Name) {
  return Name.substr(Name.rfind('.') + 1);
}

static bool sameTable(llvm::StringRef A, llvm::StringRef B) {
  return A == B || unqualified(A) == unqualified(B);
}

void Schema::apply(const sql::StatementFacts &St, llvm::StringRef Where,
                   unsigned RawLoc) {
  if (St.Kind != sql::StatementKind::DDL)
    return;
  switch (St.Ddl) {
  case sql::DdlAction::CreateTable:
  case sql::DdlAction::CreateIndex:
  case sql::DdlAction::AlterTable:
    for (const sql::UniqueKey &K : St.UniqueKeys)
      if (!K.Table.empty() && !K.Columns.empty())
        Keys.push_back({K, Where.str(), RawLoc});
    return;
  case sql::DdlAction::DropTable:
    llvm::erase_if(Keys, [&](const DeclaredKey &K) {
      return sameTable(K.Key.Table, St.Table);
    });
    return;
  case sql::DdlAction::DropIndex:
  case sql::DdlAction::DropConstraint:
    llvm::erase_if(Keys, [&](const DeclaredKey &K) {
      return !K.Key.Name.empty() &&
             unqualified(K.Key.Name) == unqualified(St.DroppedName);
    });
    // ALTER TABLE t DROP CONSTRAINT a, ADD CONSTRAINT b UNIQUE (x).
    for (const sql::UniqueKey &K : St.UniqueKeys)
      if (!K.Table.empty() && !K.Columns.empty())
        Keys.push_back({K, Where.str(), RawLoc});
    return;
  default:
    return;
  }
}

void Schema::applyText(llvm::StringRef Text, sql::Dialect D,
                       llvm::StringRef File) {
  for (const sql::StatementFacts &St : sql::analyzeSql(Text, D)) {
    unsigned Line = 1 + Text.take_front(St.Begin).count('\n');
    // The statement's first line with text, not the blank line before it.
    llvm::StringRef Body = Text.slice(St.Begin, St.End);
    Line += Body.take_front(Body.size() - Body.ltrim().size()).count('\n');
    apply(St, (File + ":" + llvm::Twine(Line)).str());
  }
}

llvm::Expected<std::vector<std::string>>
Schema::migrationFiles(llvm::StringRef Dir) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::sys::path::extension(It->path()) == ".sql")
      Files.push_back(It->path());
  if (EC)
    return llvm::createStringError(EC, "%s: cannot list schema directory: %s",
                                   Dir.str().c_str(), EC.message().c_str());
  llvm::sort(Files);
  return Files;
}

llvm::Expected<Schema> Schema::load(const std::vector<std::string> &Paths,
                                    sql::Dialect D) {
  Schema S;
  for (const std::string &Path : Paths) {
    std::vector<std::string> Files;
    if (llvm::sys::fs::is_directory(Path)) {
      auto Listed = migrationFiles(Path);
      if (!Listed)
        return Listed.takeError();
      Files = std::move(*Listed);
    } else {
      Files.push_back(Path);
    }
    for (const std::string &File : Files) {
      auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
      if (!Buffer)
        return llvm::createStringError(Buffer.getError(),
                                       "%s: cannot read schema file: %s",
                                       File.c_str(),
                                       Buffer.getError().message().c_str());
      S.applyText((*Buffer)->getBuffer(), D, File);
    }
  }
  return S;
}

const DeclaredKey *Schema::keyFor(llvm::StringRef Table,
                                  const std::vector<std::string> &KeyColumns,
                                  llvm::StringRef CheckSql) const {
  for (const DeclaredKey &K : Keys) {
    if (!sameTable(K.Key.Table, Table))
      continue;
    // Every key part must be fixed by the check, expression for expression.
    bool Covered = llvm::all_of(K.Key.Columns, [&](const std::string &C) {
      return llvm::is_contained(KeyColumns, C);
    });
    if (!Covered)
      continue;
    if (!sql::restatesPredicate(CheckSql, K.Key.Predicate))
      continue;
    return &K;
  }
  return nullptr;
}

} // namespace sqlrace::schema
