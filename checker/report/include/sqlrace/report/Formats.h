//===- Formats.h - sqlrace ------------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The renderings for code-review tools: SARIF 2.1.0 (GitHub code scanning,
// GitLab, IDE viewers) and GitLab Code Quality (the Code Climate issue
// format). Both are documented in docs/output.md.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_REPORT_FORMATS_H
#define SQLRACE_REPORT_FORMATS_H

#include "sqlrace/report/Diagnostic.h"
#include <string>
#include <vector>

namespace sqlrace::report {

struct SarifOptions {
  std::string ToolVersion; ///< tool.driver.version
  /// Absolute URI of the directory holding the checks' docs
  /// (<check without "sqlrace-">.md); a missing trailing '/' is added.
  std::string DocsUrl;
  /// Absolute URI of the tool's home page (tool.driver.informationUri).
  std::string InformationUrl;
  /// The directory files are expressed relative to (SARIF's SRCROOT); made
  /// absolute against the current directory. Empty: the current directory.
  std::string SourceRoot;
};

/// One SARIF 2.1.0 log with one run. Suppressed diagnostics are listed with
/// their suppression; files that were not analysed are tool execution
/// notifications, and make executionSuccessful false; warnings about the
/// config are notifications too, of level warning.
std::string toSarif(const std::vector<Diagnostic> &Diags,
                    const std::vector<FileStatus> &Files,
                    const SarifOptions &Opts,
                    const std::vector<ConfigWarning> &Warnings = {});

/// GitLab Code Quality's JSON array of issues; suppressed diagnostics are
/// left out. Paths are relative to SourceRoot (default: the current
/// directory) when the file is under it, else absolute.
std::string toCodeClimate(const std::vector<Diagnostic> &Diags,
                          const std::string &SourceRoot);

/// An absolute, normalised form of Path (made absolute against the current
/// directory) and, when it lies under Root, its path relative to Root with
/// '/' separators (else empty).
struct RootedPath {
  std::string Absolute;
  std::string Relative;
};
RootedPath rootPath(const std::string &Path, const std::string &Root);

/// "file:///..." for an absolute path, each byte that a URI path may not
/// hold percent-encoded.
std::string fileUri(const std::string &AbsolutePath);

} // namespace sqlrace::report

#endif
