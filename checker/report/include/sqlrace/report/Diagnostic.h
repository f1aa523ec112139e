//===- Diagnostic.h - sqlrace ---------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Findings as users read them: the wording of each check, and the text and
// JSON renderings shared by the CLI and the clang-tidy plugin.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_REPORT_DIAGNOSTIC_H
#define SQLRACE_REPORT_DIAGNOSTIC_H

#include "sqlrace/flow/Finding.h"
#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace clang {
class DiagnosticsEngine;
class LangOptions;
class SourceManager;
} // namespace clang

namespace sqlrace::report {

/// A finding put into words, still attached to Clang source locations.
struct WordedNote {
  clang::SourceLocation Loc;
  std::string Message;
};
struct WordedFinding {
  std::string Check; ///< "sqlrace-check-then-insert"
  clang::SourceLocation Loc;
  std::string Message; ///< without the "[check]" suffix
  std::vector<WordedNote> Notes;
  /// The finding's fix-it (may be empty) and what it does, in words.
  std::vector<flow::FixEdit> Fix;
  std::string FixMessage;
};

/// The wording of a finding: the warning and its notes, in path order.
WordedFinding wordFinding(const flow::Finding &F);

/// Whether a NOLINT, NOLINTNEXTLINE or NOLINTBEGIN/NOLINTEND comment naming
/// the finding's check (or no check) covers its line, as in clang-tidy.
bool isSuppressed(const WordedFinding &W, const clang::SourceManager &SM);

/// A resolved position in a file.
struct Position {
  std::string File;
  unsigned Line = 0, Column = 0;
  unsigned Offset = 0; ///< in bytes from the start of File
};
struct Note {
  Position Pos;
  std::string Message;
};
/// One edit of a fix, in bytes of File (an absolute path) and as
/// line/column positions (End is exclusive).
struct Replacement {
  std::string File;
  unsigned Offset = 0, Length = 0;
  Position Begin, End;
  std::string Text;
};
/// Why a finding is not reported as new.
enum class Suppression {
  None,
  InSource, ///< a NOLINT comment
  Baseline, ///< listed in the --baseline file
};
/// A diagnostic detached from Clang, for machine-readable output.
struct Diagnostic {
  std::string Check;
  std::string Level = "warning";
  Position Pos;
  std::string Message;
  std::vector<Note> Notes;
  /// The fix-it's edits (all or none) and a one-line description.
  std::vector<Replacement> Fixes;
  std::string FixMessage;
  /// Identifies the finding across runs: the check, the file's name, the
  /// message and the text (not the numbers) of the lines it points at, so
  /// it survives unrelated lines moving. Unique within a run.
  std::string Fingerprint;
  Suppression Suppressed = Suppression::None;
};

/// Resolves a worded finding's locations (expansion locations for macros),
/// its fix-it (dropped whole if any edit is inside a macro) and fingerprint.
Diagnostic resolve(const WordedFinding &W, const clang::SourceManager &SM,
                   const clang::LangOptions &LangOpts);

/// Appends "/2", "/3", ... to fingerprints met again, in order, so each
/// identifies one finding (a function that races twice on the same line).
void makeFingerprintsUnique(std::vector<Diagnostic> &Diags);

/// Prints a worded finding as clang prints diagnostics (source line, caret,
/// colour when Colour is set) to OS.
void printText(const WordedFinding &W, const clang::SourceManager &SM,
               const clang::LangOptions &LangOpts, llvm::raw_ostream &OS,
               bool Colour);

/// How one input file fared.
/// A function the analysis could not do in full (flow::Remark), located.
struct AnalysisRemark {
  bool InternalError = false; ///< else a limit was reached
  std::string Function;
  Position Pos;
  std::string Message;
};

struct FileStatus {
  std::string File;
  bool Ok = true;
  std::string Message; ///< why not, when !Ok
  /// Functions not fully analysed (limits) or not analysed (internal
  /// errors, which also make Ok false).
  std::vector<AnalysisRemark> Remarks = {};
};

/// A warning about the project config, from the whole run rather than one
/// file: a wrapper entry that matched no called function, or whose SQL
/// argument never held text. At the entry's position in the config file.
struct ConfigWarning {
  Position Pos;
  std::string Kind; ///< "unmatched-wrapper", "sql-arg-without-text"
  std::string Message;
  std::string Suggestion; ///< a qualified name, for "did you mean"
};

/// "<config>:<line>:<col>: warning: <message> [sqlrace-config]", coloured
/// as clang colours a warning when Colour is set.
void printConfigWarning(const ConfigWarning &W, llvm::raw_ostream &OS,
                        bool Colour);

/// "internal error while analysing 'f' (please report): <what>" or
/// "'f' was not fully analysed: <limit>".
std::string remarkText(const AnalysisRemark &R);

/// R located with SM (expansion location of R.Loc).
AnalysisRemark resolveRemark(const flow::Remark &R,
                             const clang::SourceManager &SM);

/// The stable JSON document of a run (format documented in docs/output.md);
/// suppressed findings are left out.
std::string toJson(const std::vector<Diagnostic> &Diags,
                   const std::vector<FileStatus> &Files,
                   const std::vector<ConfigWarning> &Warnings = {});

} // namespace sqlrace::report

#endif
