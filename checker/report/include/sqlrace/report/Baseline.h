//===- Baseline.h - sqlrace -----------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Baselines: the findings a project already knows about, by fingerprint.
// --write-baseline writes every reported finding to one; with --baseline,
// the findings it lists are kept in the output formats, marked as known,
// and no longer count.
//
// A baseline is untrusted input like any other (docs/reliability.md,
// "Inputs"): a regular file of at most 64 MB whose JSON nesting is bounded
// before it is parsed, and every error is one line with a position.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_REPORT_BASELINE_H
#define SQLRACE_REPORT_BASELINE_H

#include "sqlrace/report/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <set>
#include <string>
#include <vector>

namespace sqlrace::report {

/// The fingerprints listed in a --baseline file.
llvm::Expected<std::set<std::string>> loadBaseline(llvm::StringRef Path);
/// The same for the text of such a file, named Path in messages.
llvm::Expected<std::set<std::string>> loadBaselineText(llvm::StringRef Path,
                                                       llvm::StringRef Text);

/// Marks Suppression::Baseline each diagnostic whose fingerprint Known lists,
/// unless the source already suppresses it.
void markKnown(std::vector<Diagnostic> &Diags,
               const std::set<std::string> &Known);

/// The --write-baseline document: every diagnostic's fingerprint, with its
/// check, file, line and message for the people who read the file.
std::string baselineText(llvm::ArrayRef<const Diagnostic *> Diags);

/// Writes baselineText(Diags) to Path as writeOutputFile does (FileWrite.h).
llvm::Error writeBaseline(llvm::StringRef Path,
                          llvm::ArrayRef<const Diagnostic *> Diags);

} // namespace sqlrace::report

#endif
