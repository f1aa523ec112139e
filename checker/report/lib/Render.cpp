//===- Render.cpp - sqlrace -------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Text (clang style) and JSON renderings.
//===----------------------------------------------------------------------===//
#include "sqlrace/report/Diagnostic.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include <nlohmann/json.hpp>

namespace sqlrace::report {

static Position position(clang::SourceLocation Loc,
                         const clang::SourceManager &SM) {
  Position P;
  if (Loc.isInvalid())
    return P;
  clang::PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (PL.isInvalid())
    return P;
  P.File = PL.getFilename();
  P.Line = PL.getLine();
  P.Column = PL.getColumn();
  return P;
}

Diagnostic resolve(const WordedFinding &W, const clang::SourceManager &SM) {
  Diagnostic D;
  D.Check = W.Check;
  D.Pos = position(W.Loc, SM);
  D.Message = W.Message;
  for (const WordedNote &N : W.Notes)
    D.Notes.push_back({position(N.Loc, SM), N.Message});
  return D;
}

void printText(const WordedFinding &W, const clang::SourceManager &SM,
               const clang::LangOptions &LangOpts, llvm::raw_ostream &OS,
               bool Colour) {
  // A private engine, so our findings go to OS (stdout, as clang-tidy's do)
  // while compiler errors stay on stderr.
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> Opts =
      new clang::DiagnosticOptions();
  Opts->ShowColors = Colour;
  clang::TextDiagnosticPrinter Printer(OS, Opts.get());
  llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> IDs =
      new clang::DiagnosticIDs();
  clang::DiagnosticsEngine Engine(IDs, Opts, &Printer, /*ShouldOwnClient=*/false);
  Engine.setSourceManager(const_cast<clang::SourceManager *>(&SM));
  Printer.BeginSourceFile(LangOpts, nullptr);
  unsigned Warning =
      Engine.getCustomDiagID(clang::DiagnosticsEngine::Warning, "%0");
  unsigned NoteID = Engine.getCustomDiagID(clang::DiagnosticsEngine::Note, "%0");
  Engine.Report(W.Loc, Warning) << (W.Message + " [" + W.Check + "]");
  for (const WordedNote &N : W.Notes)
    Engine.Report(N.Loc, NoteID) << N.Message;
  Printer.EndSourceFile();
}

static nlohmann::json toJson(const Position &P) {
  return {{"file", P.File}, {"line", P.Line}, {"column", P.Column}};
}

std::string toJson(const std::vector<Diagnostic> &Diags,
                   const std::vector<FileStatus> &Files) {
  nlohmann::json Doc;
  Doc["version"] = 1;
  Doc["files"] = nlohmann::json::array();
  for (const FileStatus &F : Files) {
    nlohmann::json J = {{"file", F.File}, {"status", F.Ok ? "ok" : "error"}};
    if (!F.Ok)
      J["message"] = F.Message;
    Doc["files"].push_back(J);
  }
  Doc["diagnostics"] = nlohmann::json::array();
  for (const Diagnostic &D : Diags) {
    nlohmann::json J = toJson(D.Pos);
    J["check"] = D.Check;
    J["level"] = D.Level;
    J["message"] = D.Message;
    J["notes"] = nlohmann::json::array();
    for (const Note &N : D.Notes) {
      nlohmann::json NJ = toJson(N.Pos);
      NJ["message"] = N.Message;
      J["notes"].push_back(NJ);
    }
    Doc["diagnostics"].push_back(J);
  }
  // Source text may hold invalid UTF-8: replace it rather than fail.
  return Doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace sqlrace::report
