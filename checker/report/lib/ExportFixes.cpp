//===- ExportFixes.cpp - sqlrace --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "sqlrace/report/ExportFixes.h"
#include "sqlrace/report/FileWrite.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace sqlrace::report {

/// A message of clang's diagnostic record, at P made absolute.
static clang::tooling::DiagnosticMessage message(const std::string &Text,
                                                 const Position &P) {
  clang::tooling::DiagnosticMessage M;
  M.Message = Text;
  llvm::SmallString<256> File(P.File);
  llvm::sys::fs::make_absolute(File);
  M.FilePath = std::string(File);
  M.FileOffset = P.Offset;
  return M;
}

llvm::Expected<std::string>
exportedFixesText(llvm::ArrayRef<const Diagnostic *> Diags,
                  llvm::StringRef MainFile) {
  clang::tooling::TranslationUnitDiagnostics TUD;
  TUD.MainSourceFile = MainFile.str();
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  for (const Diagnostic *D : Diags) {
    clang::tooling::Diagnostic TD(D->Check, message(D->Message, D->Pos), {},
                                  clang::tooling::Diagnostic::Warning,
                                  std::string(Cwd));
    for (const Note &N : D->Notes)
      TD.Notes.push_back(message(N.Message, N.Pos));
    for (const Replacement &R : D->Fixes)
      if (llvm::Error E = TD.Message.Fix[R.File].add(
              clang::tooling::Replacement(R.File, R.Offset, R.Length, R.Text)))
        return std::move(E);
    TUD.Diagnostics.push_back(std::move(TD));
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::yaml::Output YAML(OS);
  YAML << TUD;
  OS.flush();
  return Text;
}

llvm::Error exportFixes(llvm::StringRef Path, llvm::StringRef MainFile,
                        llvm::ArrayRef<const Diagnostic *> Diags) {
  auto Text = exportedFixesText(Diags, MainFile);
  if (!Text)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "cannot write '" + Path + "': " + llvm::toString(Text.takeError()));
  return writeOutputFile(Path, *Text);
}

} // namespace sqlrace::report
