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
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <nlohmann/json.hpp>

namespace sqlrace::report {

static Position position(clang::SourceLocation Loc,
                         const clang::SourceManager &SM) {
  Position P;
  if (Loc.isInvalid())
    return P;
  Loc = SM.getExpansionLoc(Loc);
  clang::PresumedLoc PL = SM.getPresumedLoc(Loc);
  if (PL.isInvalid())
    return P;
  P.File = PL.getFilename();
  P.Line = PL.getLine();
  P.Column = PL.getColumn();
  P.Offset = SM.getFileOffset(Loc);
  return P;
}

// The text of the line holding Loc, without surrounding blanks.
static llvm::StringRef lineText(clang::SourceLocation Loc,
                                const clang::SourceManager &SM) {
  if (Loc.isInvalid())
    return "";
  Loc = SM.getExpansionLoc(Loc);
  std::pair<clang::FileID, unsigned> At = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(At.first, &Invalid);
  if (Invalid || At.second > Buffer.size())
    return "";
  size_t Begin = Buffer.rfind('\n', At.second);
  Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
  size_t End = Buffer.find('\n', At.second);
  return Buffer.slice(Begin, End).trim();
}

static std::string fingerprint(const WordedFinding &W,
                               const clang::SourceManager &SM,
                               const Position &Pos) {
  // Line and column numbers stay out, and so does the directory (checkouts
  // live in different places): what the finding says and the code it
  // points at identify it.
  std::string Key = W.Check + "\n" +
                    llvm::sys::path::filename(Pos.File).str() + "\n" +
                    W.Message + "\n" + lineText(W.Loc, SM).str();
  for (const WordedNote &N : W.Notes)
    Key += "\n" + N.Message + "\n" + lineText(N.Loc, SM).str();
  return llvm::utohexstr(llvm::xxh3_64bits(Key), /*LowerCase=*/true, 16);
}

static std::optional<Replacement> replacement(const flow::FixEdit &E,
                                              const clang::SourceManager &SM,
                                              const clang::LangOptions &LO) {
  clang::CharSourceRange Range =
      clang::Lexer::makeFileCharRange(E.Range, SM, LO);
  if (Range.isInvalid())
    return std::nullopt;
  std::pair<clang::FileID, unsigned> Begin =
      SM.getDecomposedLoc(Range.getBegin());
  std::pair<clang::FileID, unsigned> End = SM.getDecomposedLoc(Range.getEnd());
  if (Begin.first != End.first || End.second < Begin.second)
    return std::nullopt;
  Replacement R;
  R.Begin = position(Range.getBegin(), SM);
  R.End = position(Range.getEnd(), SM);
  // Absolute, so the edit reaches the file whatever directory the compile
  // command ran in.
  if (clang::OptionalFileEntryRef Entry = SM.getFileEntryRefForID(Begin.first))
    R.File = SM.getFileManager().getCanonicalName(*Entry).str();
  else
    R.File = R.Begin.File;
  R.Offset = Begin.second;
  R.Length = End.second - Begin.second;
  R.Text = E.Text;
  return R;
}

Diagnostic resolve(const WordedFinding &W, const clang::SourceManager &SM,
                   const clang::LangOptions &LangOpts) {
  Diagnostic D;
  D.Check = W.Check;
  D.Pos = position(W.Loc, SM);
  D.Message = W.Message;
  for (const WordedNote &N : W.Notes)
    D.Notes.push_back({position(N.Loc, SM), N.Message});
  for (const flow::FixEdit &E : W.Fix) {
    std::optional<Replacement> R = replacement(E, SM, LangOpts);
    if (!R) {
      // A fix is all or nothing.
      D.Fixes.clear();
      break;
    }
    D.Fixes.push_back(std::move(*R));
  }
  if (!D.Fixes.empty())
    D.FixMessage = W.FixMessage;
  D.Fingerprint = fingerprint(W, SM, D.Pos);
  return D;
}

void makeFingerprintsUnique(std::vector<Diagnostic> &Diags) {
  llvm::StringMap<unsigned> Seen;
  for (Diagnostic &D : Diags) {
    unsigned N = ++Seen[D.Fingerprint];
    if (N > 1)
      D.Fingerprint += "/" + std::to_string(N);
  }
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
  {
    clang::DiagnosticBuilder Builder = Engine.Report(W.Loc, Warning);
    Builder << (W.Message + " [" + W.Check + "]");
    for (const flow::FixEdit &E : W.Fix)
      Builder << clang::FixItHint::CreateReplacement(E.Range, E.Text);
  }
  for (const WordedNote &N : W.Notes)
    Engine.Report(N.Loc, NoteID) << N.Message;
  Printer.EndSourceFile();
}

void printConfigWarning(const ConfigWarning &W, llvm::raw_ostream &OS,
                        bool Colour) {
  // As clang prints a warning: the position in bold, "warning:" in
  // magenta, the message in bold.
  if (Colour)
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  OS << W.Pos.File << ":" << W.Pos.Line << ":" << W.Pos.Column << ": ";
  if (Colour)
    OS.changeColor(llvm::raw_ostream::MAGENTA, /*Bold=*/true);
  OS << "warning: ";
  if (Colour)
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  OS << W.Message << " [sqlrace-config]";
  if (Colour)
    OS.resetColor();
  OS << "\n";
}

std::string remarkText(const AnalysisRemark &R) {
  if (R.InternalError)
    return "internal error while analysing '" + R.Function +
           "' (please report): " + R.Message;
  return "'" + R.Function + "' was not fully analysed: " + R.Message;
}

AnalysisRemark resolveRemark(const flow::Remark &R,
                             const clang::SourceManager &SM) {
  AnalysisRemark Out;
  Out.InternalError = R.TheKind == flow::Remark::Kind::InternalError;
  Out.Function = R.Function;
  Out.Message = R.Message;
  Out.Pos = position(R.Loc, SM);
  return Out;
}

static nlohmann::json toJson(const Position &P) {
  return {{"file", P.File}, {"line", P.Line}, {"column", P.Column}};
}

std::string toJson(const std::vector<Diagnostic> &Diags,
                   const std::vector<FileStatus> &Files,
                   const std::vector<ConfigWarning> &Warnings) {
  nlohmann::json Doc;
  Doc["version"] = 1;
  Doc["files"] = nlohmann::json::array();
  for (const FileStatus &F : Files) {
    nlohmann::json J = {{"file", F.File}, {"status", F.Ok ? "ok" : "error"}};
    if (!F.Ok)
      J["message"] = F.Message;
    if (!F.Remarks.empty()) {
      J["remarks"] = nlohmann::json::array();
      for (const AnalysisRemark &R : F.Remarks) {
        nlohmann::json RJ = toJson(R.Pos);
        RJ["kind"] = R.InternalError ? "internal-error" : "limit";
        RJ["function"] = R.Function;
        RJ["message"] = remarkText(R);
        J["remarks"].push_back(RJ);
      }
    }
    Doc["files"].push_back(J);
  }
  Doc["diagnostics"] = nlohmann::json::array();
  for (const Diagnostic &D : Diags) {
    if (D.Suppressed != Suppression::None)
      continue;
    nlohmann::json J = toJson(D.Pos);
    J["check"] = D.Check;
    J["level"] = D.Level;
    J["message"] = D.Message;
    J["fingerprint"] = D.Fingerprint;
    J["notes"] = nlohmann::json::array();
    for (const Note &N : D.Notes) {
      nlohmann::json NJ = toJson(N.Pos);
      NJ["message"] = N.Message;
      J["notes"].push_back(NJ);
    }
    if (!D.Fixes.empty()) {
      nlohmann::json Fix = {{"message", D.FixMessage},
                            {"replacements", nlohmann::json::array()}};
      for (const Replacement &R : D.Fixes)
        Fix["replacements"].push_back({{"file", R.File},
                                       {"offset", R.Offset},
                                       {"length", R.Length},
                                       {"line", R.Begin.Line},
                                       {"column", R.Begin.Column},
                                       {"end_line", R.End.Line},
                                       {"end_column", R.End.Column},
                                       {"text", R.Text}});
      J["fix"] = Fix;
    }
    Doc["diagnostics"].push_back(J);
  }
  // Only when there are some, as a file's remarks.
  for (const ConfigWarning &W : Warnings) {
    nlohmann::json J = toJson(W.Pos);
    J["kind"] = W.Kind;
    J["message"] = W.Message;
    if (!W.Suggestion.empty())
      J["suggestion"] = W.Suggestion;
    Doc["warnings"].push_back(J);
  }
  // Source text may hold invalid UTF-8: replace it rather than fail.
  return Doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace sqlrace::report
