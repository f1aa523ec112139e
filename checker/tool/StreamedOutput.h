//===- StreamedOutput.h - sqlrace -----------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Writes a JSON document (--format=json, sarif, codeclimate) file by file:
// its opening at the start, each file's diagnostics as soon as that file is
// done, and the closing (which depends on every file's status) at the end.
// Should sqlrace die of a signal outside the isolated analysis, a closing
// prepared in advance is written from the signal handler, so standard
// output still holds one parseable document with every finished file's
// diagnostics (docs/reliability.md).
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TOOL_STREAMEDOUTPUT_H
#define SQLRACE_TOOL_STREAMEDOUTPUT_H

#include "sqlrace/report/Diagnostic.h"
#include "llvm/Support/raw_ostream.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sqlrace {

class StreamedOutput {
public:
  /// Renders a whole document from diagnostics, file statuses and the
  /// warnings about the config.
  using Renderer = std::function<std::string(
      const std::vector<report::Diagnostic> &,
      const std::vector<report::FileStatus> &,
      const std::vector<report::ConfigWarning> &)>;
  /// ArrayKey names the document's one growing array: "diagnostics",
  /// "results", or "" when the document is that array.
  StreamedOutput(Renderer Render, std::string ArrayKey, size_t TotalFiles);
  ~StreamedOutput();

  /// Writes the opening to standard output, and arms the crash closing.
  void start();
  /// Writes one finished file's diagnostics (FilesDone counts it).
  void addFile(const std::vector<report::Diagnostic> &Diags, size_t FilesDone);
  /// Writes the closing for these statuses and warnings, and disarms the
  /// crash closing.
  void finish(const std::vector<report::FileStatus> &Files,
              const std::vector<report::ConfigWarning> &Warnings);

private:
  struct Parts {
    std::string Head, Tail;
  };
  Parts split(const std::string &Document) const;
  void armCrashClosing(size_t FilesDone);

  Renderer Render;
  std::string ArrayKey;
  size_t TotalFiles;
  bool AnyItem = false;
  /// Every closing prepared so far: the signal handler may be reading an
  /// older one while a newer is made, so none is freed before the end.
  std::vector<std::unique_ptr<std::string>> Closings;
};

} // namespace sqlrace

#endif
