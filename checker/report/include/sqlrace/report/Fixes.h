//===- Fixes.h - sqlrace --------------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// --fix: applying the fix-its of one analysed file's findings, only to the
// bytes that were analysed, through FileWrite's safe rewrite.
//
// Test hooks (environment variables read only here, for
// checker/tool/tests/fix_safety_test.py; each prints one line on stderr
// starting with "sqlrace: test hook:" before it sleeps):
// - SQLRACE_TEST_PAUSE_BEFORE_FIX=<seconds>: sleep before a file's fixes are
//   applied, after its analysis (an edit made meanwhile must be detected);
// - SQLRACE_TEST_PAUSE_IN_WRITE=<seconds>: sleep with the file locked and
//   its new text complete in the temporary file, before the replacement.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_REPORT_FIXES_H
#define SQLRACE_REPORT_FIXES_H

#include "sqlrace/report/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>

namespace sqlrace::report {

/// The digest a file's analysed bytes are recognised by at write time:
/// SHA-256, in hex. A cryptographic hash, so no edit (accidental or
/// crafted) can keep it; its cost is negligible beside parsing the file.
std::string contentHash(llvm::StringRef Bytes);

struct FixOutcome {
  unsigned Offered = 0; ///< findings with a fix-it
  unsigned Applied = 0; ///< fixes written to their file
  bool Failed = false;  ///< a file was refused or could not be written

  /// Adds the outcome of another file's fixes.
  FixOutcome &operator+=(const FixOutcome &Other);
};

/// Applies the fix-its of Diags (the reported findings of one analysed
/// file), each whole or not at all; a fix overlapping one already taken is
/// skipped with a warning. AnalysedHashes maps each file a fix edits to the
/// contentHash of the bytes that were analysed; a file whose bytes differ
/// now, or that rewriteFile refuses, keeps its text and gets one error line
/// naming it on Errs.
FixOutcome applyFixes(llvm::ArrayRef<const Diagnostic *> Diags,
                      const std::map<std::string, std::string> &AnalysedHashes,
                      llvm::raw_ostream &Errs);

/// applyFixes for the diagnostics of Diags that are reported: those neither
/// suppressed in the source nor known from the baseline.
FixOutcome
applyReportedFixes(llvm::ArrayRef<Diagnostic> Diags,
                   const std::map<std::string, std::string> &AnalysedHashes,
                   llvm::raw_ostream &Errs);

/// The line --fix ends with: "sqlrace applied 1 of 2 suggested fixes".
std::string fixSummary(const FixOutcome &Outcome);

} // namespace sqlrace::report

#endif
