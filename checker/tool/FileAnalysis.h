//===- FileAnalysis.h - sqlrace -------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The CLI's analysis of one source file: its checks (readable, compile
// directory), its project setup, one ClangTool run isolated from the rest
// of the process, and everything the file produced, kept for printing in
// input order.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TOOL_FILEANALYSIS_H
#define SQLRACE_TOOL_FILEANALYSIS_H

#include "sqlrace/project/ProjectSetup.h"
#include "sqlrace/report/Diagnostic.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace sqlrace {

/// What one source file produced. Files are analysed on worker threads and
/// their results printed in input order by the main thread, so outputs never
/// interleave.
struct FileResult {
  report::FileStatus Status;
  std::string Errors; ///< the compiler's and sqlrace's messages (stderr)
  /// Findings in the order found, each with its clang-style rendering
  /// (empty unless the text format is on).
  std::vector<report::Diagnostic> Diags;
  std::vector<std::string> Rendered;
  /// --remarks in the text format: the limits reached, printed after the
  /// findings.
  std::string RemarkText;
  /// The contentHash of the analysed text of each file a fix edits, so
  /// --fix writes only over those bytes.
  std::map<std::string, std::string> AnalysedHash;
};

/// What every file's analysis shares. Read-only during the analysis, apart
/// from the locked setup cache.
struct RunContext {
  clang::tooling::CompilationDatabase *DB = nullptr;
  project::ProjectSetups *Setups = nullptr;
  std::mutex SetupsLock;
  /// The setups files were analysed with, by config file (under
  /// SetupsLock): their wrappers' use is told at the end of the run.
  std::map<std::string, const project::Setup *> Analysed;
  /// --baseline's fingerprints.
  std::set<std::string> Baseline;
  /// The text format is on: findings are rendered clang-style; with
  /// TextRemarks (--remarks) the limits reached are printed too.
  bool Text = false, TextRemarks = false;
  bool ColourOut = false, ColourErr = false;
};

/// Analyses one source file; safe to run on several threads at once.
FileResult analyseFile(const std::string &Source, RunContext &Run);

/// "sqlrace: error: <Message>" into OS, coloured as llvm::WithColor does.
void errorLine(llvm::raw_ostream &OS, const llvm::Twine &Message);

} // namespace sqlrace

#endif
