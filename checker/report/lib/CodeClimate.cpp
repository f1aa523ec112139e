//===- CodeClimate.cpp - sqlrace -------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// GitLab Code Quality rendering: a JSON array of Code Climate issues
// (docs/output.md).
//===----------------------------------------------------------------------===//
#include "sqlrace/report/Formats.h"
#include <nlohmann/json.hpp>

namespace sqlrace::report {

static const char *severity(const std::string &Level) {
  // Code Climate's scale is info, minor, major, critical, blocker; a race is
  // a bug that shows under load, not one that stops the build.
  if (Level == "error")
    return "critical";
  if (Level == "note" || Level == "remark")
    return "info";
  return "major";
}

std::string toCodeClimate(const std::vector<Diagnostic> &Diags,
                          const std::string &SourceRoot) {
  nlohmann::ordered_json Issues = nlohmann::ordered_json::array();
  for (const Diagnostic &D : Diags) {
    if (D.Suppressed != Suppression::None)
      continue;
    RootedPath P = rootPath(D.Pos.File, SourceRoot);
    nlohmann::ordered_json Issue;
    Issue["type"] = "issue";
    Issue["check_name"] = D.Check;
    Issue["description"] = D.Message;
    Issue["categories"] = {"Bug Risk"};
    Issue["severity"] = severity(D.Level);
    Issue["fingerprint"] = D.Fingerprint;
    Issue["location"] = {
        {"path", P.Relative.empty() ? P.Absolute : P.Relative},
        {"lines", {{"begin", D.Pos.Line}}}};
    Issues.push_back(Issue);
  }
  return Issues.dump(2, ' ', false,
                     nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace sqlrace::report
