//===- Sarif.cpp - sqlrace -------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// SARIF 2.1.0 rendering (docs/output.md), and the path and URI helpers it
// shares with the Code Climate rendering.
//===----------------------------------------------------------------------===//
#include "sqlrace/report/Formats.h"
#include "sqlrace/project/CheckList.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <nlohmann/json.hpp>
#include <optional>

namespace sqlrace::report {

using Json = nlohmann::ordered_json;

static std::string absoluteNormal(const std::string &Path) {
  llvm::SmallString<256> P(Path.empty() ? "." : Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  llvm::sys::path::native(P, llvm::sys::path::Style::posix);
  return std::string(P);
}

RootedPath rootPath(const std::string &Path, const std::string &Root) {
  RootedPath R;
  R.Absolute = absoluteNormal(Path);
  std::string Base = absoluteNormal(Root);
  if (Base != "/")
    Base += "/";
  if (llvm::StringRef(R.Absolute).starts_with(Base))
    R.Relative = R.Absolute.substr(Base.size());
  return R;
}

// Characters a URI path segment may hold as they are (RFC 3986 unreserved
// and most sub-delimiters); ':' is encoded so that a relative reference can
// never be read as a scheme.
static std::string encodePath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/!$&'()*+,;=@").contains(C)) {
      Out += C;
      continue;
    }
    Out += '%';
    Out += llvm::hexdigit(C >> 4);
    Out += llvm::hexdigit(C & 15);
  }
  return Out;
}

std::string fileUri(const std::string &AbsolutePath) {
  return "file://" + encodePath(AbsolutePath);
}

namespace {

/// Converts Clang's byte columns to SARIF's default column unit, UTF-16
/// code units, reading each file once. Lines it cannot read keep the byte
/// column (the same for ASCII).
class Columns {
public:
  unsigned utf16(const std::string &File, unsigned Line, unsigned ByteColumn) {
    const Text *T = text(File);
    if (!T || Line == 0 || Line > T->LineStarts.size() || ByteColumn == 0)
      return ByteColumn;
    size_t Begin = T->LineStarts[Line - 1];
    size_t End = std::min(T->Data.size(), Begin + ByteColumn - 1);
    unsigned Units = 0;
    for (size_t I = Begin; I < End; ++I) {
      unsigned char C = T->Data[I];
      if ((C & 0xC0) == 0x80)
        continue; // continuation byte
      Units += C >= 0xF0 ? 2 : 1;
    }
    return Units + 1 + unsigned(Begin + ByteColumn - 1 - End);
  }

private:
  struct Text {
    std::string Data;
    std::vector<size_t> LineStarts;
  };
  const Text *text(const std::string &File) {
    auto It = Cache.find(File);
    if (It != Cache.end())
      return It->second ? &*It->second : nullptr;
    std::optional<Text> T;
    if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
      T.emplace();
      T->Data = (*Buffer)->getBuffer().str();
      T->LineStarts.push_back(0);
      for (size_t I = 0; I < T->Data.size(); ++I)
        if (T->Data[I] == '\n')
          T->LineStarts.push_back(I + 1);
    }
    auto &Slot = Cache[File] = std::move(T);
    return Slot ? &*Slot : nullptr;
  }
  llvm::StringMap<std::optional<Text>> Cache;
};

class SarifWriter {
public:
  explicit SarifWriter(const SarifOptions &Opts) : Opts(Opts) {
    Root = rootPath(Opts.SourceRoot, "/").Absolute;
  }

  Json artifact(const std::string &File) {
    RootedPath P = rootPath(File, Root);
    if (!P.Relative.empty())
      return {{"uri", encodePath(P.Relative)}, {"uriBaseId", "SRCROOT"}};
    return {{"uri", fileUri(P.Absolute)}};
  }

  Json region(const Position &P) {
    return {{"startLine", P.Line},
            {"startColumn", Cols.utf16(P.File, P.Line, P.Column)}};
  }

  Json physical(const Position &P) {
    Json J = {{"artifactLocation", artifact(P.File)}};
    if (P.Line)
      J["region"] = region(P);
    return J;
  }

  Json fixes(const Diagnostic &D) {
    // One artifactChange per file, its replacements in the fix's order.
    Json Changes = Json::array();
    std::vector<std::string> Order;
    llvm::StringMap<Json> ByFile;
    for (const Replacement &R : D.Fixes) {
      Json Deleted = {
          {"startLine", R.Begin.Line},
          {"startColumn", Cols.utf16(R.File, R.Begin.Line, R.Begin.Column)},
          {"endLine", R.End.Line},
          {"endColumn", Cols.utf16(R.File, R.End.Line, R.End.Column)}};
      auto [It, New] = ByFile.try_emplace(R.File, Json::array());
      if (New)
        Order.push_back(R.File);
      It->second.push_back(
          {{"deletedRegion", Deleted}, {"insertedContent", {{"text", R.Text}}}});
    }
    for (const std::string &File : Order)
      Changes.push_back({{"artifactLocation", artifact(File)},
                         {"replacements", ByFile[File]}});
    Json Fix = Json::object();
    if (!D.FixMessage.empty())
      Fix["description"] = {{"text", D.FixMessage}};
    Fix["artifactChanges"] = Changes;
    return Json::array({Fix});
  }

  Json result(const Diagnostic &D, unsigned RuleIndex) {
    Json R;
    R["ruleId"] = D.Check;
    R["ruleIndex"] = RuleIndex;
    R["level"] = sarifLevel(D.Level);
    R["message"] = {{"text", D.Message}};
    R["locations"] = Json::array({{{"physicalLocation", physical(D.Pos)}}});
    if (!D.Notes.empty()) {
      Json Related = Json::array();
      Json Steps = Json::array();
      unsigned Id = 0;
      for (const Note &N : D.Notes) {
        Json Msg = {{"text", N.Message}};
        Related.push_back({{"id", Id++},
                           {"physicalLocation", physical(N.Pos)},
                           {"message", Msg}});
        Steps.push_back(
            {{"location", {{"physicalLocation", physical(N.Pos)},
                           {"message", Msg}}},
             {"executionOrder", Id}});
      }
      R["relatedLocations"] = Related;
      R["codeFlows"] = Json::array(
          {{{"threadFlows", Json::array({{{"locations", Steps}}})}}});
    }
    if (!D.Fixes.empty())
      R["fixes"] = fixes(D);
    R["partialFingerprints"] = {{"sqlraceFingerprint/v1", D.Fingerprint}};
    switch (D.Suppressed) {
    case Suppression::None:
      break;
    case Suppression::InSource:
      R["suppressions"] = Json::array(
          {{{"kind", "inSource"},
            {"justification", "a NOLINT comment names this check"}}});
      break;
    case Suppression::Baseline:
      R["suppressions"] = Json::array(
          {{{"kind", "external"},
            {"justification", "listed in the baseline file"}}});
      break;
    }
    return R;
  }

  static const char *sarifLevel(llvm::StringRef Level) {
    if (Level == "error")
      return "error";
    if (Level == "note" || Level == "remark")
      return "note";
    return "warning";
  }

  Json rule(llvm::StringRef Id) {
    std::string Base = Opts.DocsUrl;
    if (!Base.empty() && Base.back() != '/')
      Base += '/';
    llvm::StringRef Doc = Id;
    Doc.consume_front("sqlrace-");
    Json J;
    J["id"] = Id.str();
    if (const project::CheckInfo *C = project::findCheck(Id)) {
      J["name"] = C->Name.str();
      J["shortDescription"] = {{"text", C->Summary.str()}};
      J["fullDescription"] = {{"text", C->Description.str()}};
    } else {
      J["name"] = Doc.str();
      J["shortDescription"] = {{"text", Id.str()}};
      J["fullDescription"] = {{"text", Id.str()}};
    }
    J["helpUri"] = Base + encodePath(Doc) + ".md";
    J["defaultConfiguration"] = {{"level", "warning"}};
    return J;
  }

  std::string render(const std::vector<Diagnostic> &Diags,
                     const std::vector<FileStatus> &Files,
                     const std::vector<ConfigWarning> &Warnings) {
    // The rules: every implemented check, in a fixed order, then any other
    // check a diagnostic names.
    std::vector<std::string> RuleIds;
    for (const project::CheckInfo &C : project::checkList())
      RuleIds.push_back(C.Id.str());
    for (const Diagnostic &D : Diags)
      if (llvm::find(RuleIds, D.Check) == RuleIds.end())
        RuleIds.push_back(D.Check);
    Json RulesJ = Json::array();
    for (const std::string &Id : RuleIds)
      RulesJ.push_back(rule(Id));

    Json Results = Json::array();
    for (const Diagnostic &D : Diags)
      Results.push_back(
          result(D, unsigned(llvm::find(RuleIds, D.Check) - RuleIds.begin())));

    Json Notifications = Json::array();
    bool AllOk = true;
    for (const FileStatus &F : Files) {
      bool FunctionsFailed = llvm::any_of(
          F.Remarks, [](const AnalysisRemark &R) { return R.InternalError; });
      AllOk &= F.Ok;
      // A file whose functions failed is told by those functions' remarks.
      if (!F.Ok && !FunctionsFailed) {
        Notifications.push_back(
            {{"level", "error"},
             {"message", {{"text", F.File + ": " + F.Message}}},
             {"locations", Json::array({{{"physicalLocation",
                                          {{"artifactLocation",
                                            artifact(F.File)}}}}})}});
      }
      // Functions not (fully) analysed, at the function.
      for (const AnalysisRemark &R : F.Remarks) {
        Json Physical = {{"artifactLocation",
                          artifact(R.Pos.File.empty() ? F.File : R.Pos.File)}};
        if (R.Pos.Line)
          Physical["region"] = {{"startLine", R.Pos.Line}};
        Notifications.push_back(
            {{"level", R.InternalError ? "error" : "note"},
             {"message", {{"text", remarkText(R)}}},
             {"locations",
              Json::array({{{"physicalLocation", Physical}}})}});
      }
    }
    // Warnings about the config, at the entry in the config file; they do
    // not make the execution unsuccessful.
    for (const ConfigWarning &W : Warnings)
      Notifications.push_back(
          {{"level", "warning"},
           {"message", {{"text", W.Message}}},
           {"locations", Json::array({{{"physicalLocation", physical(W.Pos)}}})}});
    Json Invocation = {{"executionSuccessful", AllOk}};
    if (!Notifications.empty())
      Invocation["toolExecutionNotifications"] = Notifications;

    Json Driver;
    Driver["name"] = "sqlrace";
    Driver["version"] = Opts.ToolVersion;
    Driver["semanticVersion"] = Opts.ToolVersion;
    if (!Opts.InformationUrl.empty())
      Driver["informationUri"] = Opts.InformationUrl;
    Driver["rules"] = RulesJ;

    Json Run;
    Run["tool"] = {{"driver", Driver}};
    Run["originalUriBaseIds"] = {
        {"SRCROOT", {{"uri", fileUri(Root == "/" ? Root : Root + "/")}}}};
    Run["columnKind"] = "utf16CodeUnits";
    // Results before the invocation: the CLI writes them file by file and
    // the invocation, which depends on every file, last (StreamedOutput).
    Run["results"] = Results;
    Run["invocations"] = Json::array({Invocation});

    Json Log;
    Log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    Log["version"] = "2.1.0";
    Log["runs"] = Json::array({Run});
    // Source text may hold invalid UTF-8: replace it rather than fail.
    return Log.dump(2, ' ', false, Json::error_handler_t::replace);
  }

private:
  const SarifOptions &Opts;
  std::string Root;
  Columns Cols;
};

} // namespace

std::string toSarif(const std::vector<Diagnostic> &Diags,
                    const std::vector<FileStatus> &Files,
                    const SarifOptions &Opts,
                    const std::vector<ConfigWarning> &Warnings) {
  return SarifWriter(Opts).render(Diags, Files, Warnings);
}

} // namespace sqlrace::report
