//===- StreamedOutput.cpp - sqlrace -----------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "StreamedOutput.h"
#include "sqlrace/flow/Isolation.h"
#include <atomic>
#include <csignal>
#include <cstring>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace sqlrace {

namespace {

std::atomic<const std::string *> CrashClosing{nullptr};

constexpr int FatalSignals[] = {SIGABRT, SIGBUS, SIGFPE,
                                SIGILL,  SIGSEGV, SIGTRAP};

// Runs when a fatal signal reaches no isolated analysis: close the document
// on standard output, then die of the signal as before.
void closeDocumentAndDie(int Signal) {
  if (const std::string *Text = CrashClosing.exchange(nullptr)) {
    const char *P = Text->data();
    size_t Left = Text->size();
    while (Left > 0) {
      ssize_t N = ::write(STDOUT_FILENO, P, Left);
      if (N <= 0)
        break;
      P += N;
      Left -= static_cast<size_t>(N);
    }
  }
  std::signal(Signal, SIG_DFL);
  ::raise(Signal);
}

void installCrashHandler() {
  static bool Installed = false;
  if (Installed)
    return;
  Installed = true;
  for (int Signal : FatalSignals) {
    struct sigaction Action;
    std::memset(&Action, 0, sizeof(Action));
    Action.sa_handler = closeDocumentAndDie;
    Action.sa_flags = SA_ONSTACK;
    sigemptyset(&Action.sa_mask);
    sigaction(Signal, &Action, nullptr);
  }
  // Crash recovery saves the handlers it replaces and restores them before
  // letting a signal outside any isolated run take its course: install it
  // after ours.
  flow::enableIsolation();
}

} // namespace

StreamedOutput::StreamedOutput(Renderer Render, std::string ArrayKey,
                               size_t TotalFiles)
    : Render(std::move(Render)), ArrayKey(std::move(ArrayKey)),
      TotalFiles(TotalFiles) {}

StreamedOutput::~StreamedOutput() { CrashClosing.store(nullptr); }

StreamedOutput::Parts StreamedOutput::split(const std::string &Document) const {
  // The empty array is the first unescaped occurrence of its key (string
  // values escape their quotes), or the whole document.
  std::string Marker = ArrayKey.empty() ? "[]" : "\"" + ArrayKey + "\": []";
  size_t At = Document.find(Marker);
  while (At != std::string::npos && At > 0 && Document[At - 1] == '\\')
    At = Document.find(Marker, At + 1);
  if (At == std::string::npos) // cannot happen with our renderers
    return {Document, ""};
  size_t Open = At + Marker.size() - 1; // at the ']'
  return {Document.substr(0, Open), Document.substr(Open)};
}

void StreamedOutput::armCrashClosing(size_t FilesDone) {
  report::FileStatus Stopped;
  Stopped.File = "<sqlrace>";
  Stopped.Ok = false;
  Stopped.Message = "sqlrace stopped abnormally after " +
                    std::to_string(FilesDone) + " of " +
                    std::to_string(TotalFiles) +
                    " files; the diagnostics listed are those of the files "
                    "it finished (please report)";
  Closings.push_back(
      std::make_unique<std::string>(split(Render({}, {Stopped}, {})).Tail + "\n"));
  CrashClosing.store(Closings.back().get());
}

void StreamedOutput::start() {
  installCrashHandler();
  llvm::outs() << split(Render({}, {}, {})).Head;
  llvm::outs().flush();
  armCrashClosing(0);
}

void StreamedOutput::addFile(const std::vector<report::Diagnostic> &Diags,
                             size_t FilesDone) {
  if (!Diags.empty()) {
    auto Doc = nlohmann::ordered_json::parse(Render(Diags, {}, {}), nullptr,
                                             /*allow_exceptions=*/false);
    const nlohmann::ordered_json *Items = &Doc;
    if (!ArrayKey.empty()) {
      // The array sits at the first level that has the key.
      if (Doc.contains(ArrayKey))
        Items = &Doc[ArrayKey];
      else if (Doc.contains("runs") && !Doc["runs"].empty())
        Items = &Doc["runs"][0][ArrayKey];
    }
    std::string Text;
    if (Items->is_array())
      for (const auto &Item : *Items) {
        Text += AnyItem ? ",\n" : "\n";
        AnyItem = true;
        Text += Item.dump(2, ' ', false,
                          nlohmann::ordered_json::error_handler_t::replace);
      }
    // Disarmed while the items are written: a document cut inside an item
    // cannot be closed.
    CrashClosing.store(nullptr);
    llvm::outs() << Text;
    llvm::outs().flush();
  }
  armCrashClosing(FilesDone);
}

void StreamedOutput::finish(
    const std::vector<report::FileStatus> &Files,
    const std::vector<report::ConfigWarning> &Warnings) {
  CrashClosing.store(nullptr);
  std::string Tail = split(Render({}, Files, Warnings)).Tail;
  llvm::outs() << (AnyItem ? "\n" : "") << Tail << "\n";
  llvm::outs().flush();
}

} // namespace sqlrace
