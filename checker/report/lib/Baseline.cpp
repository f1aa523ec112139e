//===- Baseline.cpp - sqlrace -----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "sqlrace/report/Baseline.h"
#include "sqlrace/catalogue/JsonText.h"
#include "sqlrace/report/FileWrite.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Regex.h"
#include <nlohmann/json.hpp>

namespace sqlrace::report {

static llvm::Error makeError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

llvm::Expected<std::set<std::string>> loadBaseline(llvm::StringRef Path) {
  auto Buffer = catalogue::readRegularFile(Path);
  if (!Buffer)
    return makeError("cannot read baseline '" + Path +
                     "': " + llvm::toString(Buffer.takeError()));
  return loadBaselineText(Path, (*Buffer)->getBuffer());
}

llvm::Expected<std::set<std::string>> loadBaselineText(llvm::StringRef Path,
                                                       llvm::StringRef Text) {
  auto Bad = [&](const llvm::Twine &What) {
    return makeError("baseline '" + Path + "': " + What);
  };
  auto Doc = catalogue::parseBoundedJson(Path, Text);
  if (!Doc) {
    // "baseline '<file>': invalid JSON at line L, column C: why".
    std::string Message = llvm::toString(Doc.takeError());
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    if (llvm::Regex("^.*:([0-9]+):([0-9]+): invalid JSON: (.*)$")
            .match(Message, &Parts))
      return Bad("invalid JSON at line " + Parts[1] + ", column " + Parts[2] +
                 ": " + Parts[3]);
    return Bad(Message);
  }
  const llvm::json::Object *Root = Doc->getAsObject();
  const llvm::json::Array *Findings =
      Root ? Root->getArray("findings") : nullptr;
  if (!Root || Root->getInteger("version") != 1 || !Findings)
    return Bad("expected an object with \"version\": 1 and a \"findings\" "
               "array (written by --write-baseline)");
  std::set<std::string> Out;
  for (size_t K = 0; K < Findings->size(); ++K) {
    const llvm::json::Object *F = (*Findings)[K].getAsObject();
    std::optional<llvm::StringRef> Print =
        F ? F->getString("fingerprint") : std::nullopt;
    if (!Print)
      return Bad("finding " + llvm::Twine(K + 1) +
                 " has no \"fingerprint\" string");
    Out.insert(Print->str());
  }
  return Out;
}

void markKnown(std::vector<Diagnostic> &Diags,
               const std::set<std::string> &Known) {
  for (Diagnostic &D : Diags)
    if (D.Suppressed == Suppression::None && Known.count(D.Fingerprint))
      D.Suppressed = Suppression::Baseline;
}

std::string baselineText(llvm::ArrayRef<const Diagnostic *> Diags) {
  nlohmann::json Doc;
  Doc["version"] = 1;
  Doc["findings"] = nlohmann::json::array();
  for (const Diagnostic *D : Diags)
    Doc["findings"].push_back({{"fingerprint", D->Fingerprint},
                               {"check", D->Check},
                               {"file", D->Pos.File},
                               {"line", D->Pos.Line},
                               {"message", D->Message}});
  return Doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

llvm::Error writeBaseline(llvm::StringRef Path,
                          llvm::ArrayRef<const Diagnostic *> Diags) {
  return writeOutputFile(Path, baselineText(Diags));
}

} // namespace sqlrace::report
