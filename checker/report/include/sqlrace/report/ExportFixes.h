//===- ExportFixes.h - sqlrace --------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// --export-fixes: the reported findings and their fix-its in clang-tidy's
// YAML format, for clang-apply-replacements and the editors that read
// clang-tidy's exports.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_REPORT_EXPORTFIXES_H
#define SQLRACE_REPORT_EXPORTFIXES_H

#include "sqlrace/report/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace sqlrace::report {

/// The YAML document: one diagnostic per element of Diags, with its notes
/// and replacements, every path made absolute against the current directory
/// (which is also each diagnostic's BuildDirectory). MainFile is the one
/// analysed file, or "" for a run over several. Two replacements of one
/// diagnostic that overlap are an error (clang's Replacements refuses them).
llvm::Expected<std::string>
exportedFixesText(llvm::ArrayRef<const Diagnostic *> Diags,
                  llvm::StringRef MainFile);

/// Writes exportedFixesText to Path as writeOutputFile does (FileWrite.h).
/// Errors name Path: "cannot write '<Path>': <why>".
llvm::Error exportFixes(llvm::StringRef Path, llvm::StringRef MainFile,
                        llvm::ArrayRef<const Diagnostic *> Diags);

} // namespace sqlrace::report

#endif
