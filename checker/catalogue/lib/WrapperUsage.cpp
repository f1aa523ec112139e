//===- WrapperUsage.cpp - sqlrace -------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "sqlrace/catalogue/WrapperUsage.h"
#include "sqlrace/catalogue/Catalogue.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <optional>

namespace sqlrace::catalogue {

/// At most this many names are kept for suggestions, and this many answers
/// of closeToAnEntry: enough for a did-you-mean, bounded on any code base.
constexpr size_t MaxSeenNames = 1024;
constexpr size_t MaxCloseAnswers = 1 << 16;

llvm::StringRef kindName(ConfigWarning::Kind K) {
  switch (K) {
  case ConfigWarning::Kind::UnmatchedWrapper: return "unmatched-wrapper";
  case ConfigWarning::Kind::SqlArgWithoutText: return "sql-arg-without-text";
  }
  return "?";
}

/// The last component of a qualified name ("query" of "app::Db::query").
static llvm::StringRef lastName(llvm::StringRef Qualified) {
  size_t At = Qualified.rfind("::");
  return At == llvm::StringRef::npos ? Qualified : Qualified.drop_front(At + 2);
}

/// How many edits still make a name a likely misspelling of one of Length
/// characters, as compilers allow for typos.
static unsigned allowedEdits(size_t Length) {
  return static_cast<unsigned>((Length + 2) / 3);
}

/// Whether Name is within the allowed edits of Target, ignoring case.
static std::optional<unsigned> closeness(llvm::StringRef Name,
                                         llvm::StringRef Target) {
  unsigned Allowed = allowedEdits(Target.size());
  size_t Longer = std::max(Name.size(), Target.size());
  size_t Shorter = std::min(Name.size(), Target.size());
  if (Longer - Shorter > Allowed)
    return std::nullopt;
  unsigned D = Name.edit_distance_insensitive(Target, true, Allowed);
  if (D > Allowed)
    return std::nullopt;
  return D;
}

void WrapperUsage::addWrapper(const FunctionRule &Rule) {
  if (Rule.WrapperIndex < 0)
    return;
  size_t I = static_cast<size_t>(Rule.WrapperIndex);
  if (Wrappers.size() <= I)
    Wrappers.resize(I + 1);
  Wrapper &W = Wrappers[I];
  W.Name = Rule.Name;
  W.Where = Rule.Where;
  W.Params = Rule.Params;
  W.SqlArg = Rule.SqlArg;
  std::string Last = lastName(Rule.Name).lower();
  if (LastNameSet.insert(Last).second)
    LastNames.push_back(std::move(Last));
}

bool WrapperUsage::closeToAnEntry(llvm::StringRef Last) {
  auto It = Close.find(Last);
  if (It != Close.end())
    return It->second;
  bool Found = llvm::any_of(LastNames, [&](const std::string &Entry) {
    return closeness(Last, Entry).has_value();
  });
  if (Close.size() < MaxCloseAnswers)
    Close[Last] = Found;
  return Found;
}

void WrapperUsage::noteCallee(llvm::StringRef QualifiedName,
                              unsigned NumParams, const FunctionRule *Plain,
                              llvm::ArrayRef<FunctionRule> Conditional) {
  if (Wrappers.empty())
    return;
  std::lock_guard<std::mutex> Guard(Lock);
  // The name matched: every entry it found is in use (a rule whose
  // arguments do not fit the function is an error of its own).
  if (Plain || !Conditional.empty()) {
    if (Plain && Plain->WrapperIndex >= 0)
      Wrappers[Plain->WrapperIndex].Matched = true;
    for (const FunctionRule &R : Conditional)
      if (R.WrapperIndex >= 0)
        Wrappers[R.WrapperIndex].Matched = true;
    return;
  }
  if (Seen.size() >= MaxSeenNames && !Seen.count(QualifiedName.str()))
    return;
  if (closeToAnEntry(lastName(QualifiedName)))
    Seen[QualifiedName.str()].insert(NumParams);
}

/// Whether SQL read from the program holds anything but unknown fragments.
static bool hasText(const std::string &Text) {
  return llvm::any_of(Text, [](char C) {
    return C != sql::HoleChar && !llvm::isSpace(C);
  });
}

void WrapperUsage::noteSqlArg(const FunctionRule &Rule,
                              const std::string *Text) {
  if (Rule.WrapperIndex < 0 ||
      static_cast<size_t>(Rule.WrapperIndex) >= Wrappers.size())
    return;
  std::lock_guard<std::mutex> Guard(Lock);
  Wrapper &W = Wrappers[Rule.WrapperIndex];
  ++W.SqlCalls;
  if (!Text)
    ++W.SqlMissing;
  else if (hasText(*Text))
    ++W.SqlText;
}

/// "file:line:col" into its parts (the file name may hold colons).
static void locate(llvm::StringRef Where, ConfigWarning &Out) {
  auto [Rest, Col] = Where.rsplit(':');
  auto [File, Line] = Rest.rsplit(':');
  if (Line.getAsInteger(10, Out.Line) || Col.getAsInteger(10, Out.Column)) {
    Out.File = Where.str();
    Out.Line = Out.Column = 0;
    return;
  }
  Out.File = File.str();
}

/// "1 parameter", "1 or 3 parameters", "0, 1 or 2 parameters".
static std::string parameterCounts(const std::set<unsigned> &Counts) {
  std::string Out;
  size_t I = 0;
  for (unsigned N : Counts) {
    if (I > 0)
      Out += I + 1 == Counts.size() ? " or " : ", ";
    Out += std::to_string(N);
    ++I;
  }
  bool One = Counts.size() == 1 && *Counts.begin() == 1;
  return Out + (One ? " parameter" : " parameters");
}

ConfigWarning WrapperUsage::unmatched(const Wrapper &W) const {
  ConfigWarning Out;
  Out.TheKind = ConfigWarning::Kind::UnmatchedWrapper;
  locate(W.Where, Out);
  Out.Message = "wrapper '" + W.Name + "' matched no function in the " +
                "analysed code";
  // The name is right and the overload is not.
  if (auto It = Seen.find(W.Name); It != Seen.end() && W.Params >= 0) {
    Out.Message += "; its 'params' is " + std::to_string(W.Params) +
                   ", but the functions of that name the code calls take " +
                   parameterCounts(It->second);
    return Out;
  }
  // A qualified name that ends with the entry's, or the other way round
  // (too few or too many namespaces), the nearest in length first...
  llvm::StringRef Name = W.Name, Best;
  size_t BestGap = ~size_t(0);
  for (const auto &[Called, Counts] : Seen) {
    llvm::StringRef C = Called;
    bool Suffix = (C.size() > Name.size() && C.ends_with(Name) &&
                   C.drop_back(Name.size()).ends_with("::")) ||
                  (Name.size() > C.size() && Name.ends_with(C) &&
                   Name.drop_back(C.size()).ends_with("::"));
    size_t Gap = std::max(C.size(), Name.size()) -
                 std::min(C.size(), Name.size());
    if (Suffix && Gap < BestGap)
      Best = C, BestGap = Gap;
  }
  // ...else the closest by edits, when its last component is close too.
  if (Best.empty()) {
    unsigned BestEdits = ~0u;
    for (const auto &[Called, Counts] : Seen) {
      llvm::StringRef C = Called;
      if (!closeness(lastName(C), lastName(Name)))
        continue;
      if (std::optional<unsigned> D = closeness(C, Name); D && *D < BestEdits)
        Best = C, BestEdits = *D;
    }
  }
  if (!Best.empty()) {
    Out.Suggestion = Best.str();
    Out.Message += "; did you mean '" + Out.Suggestion + "'?";
  }
  return Out;
}

std::vector<ConfigWarning> WrapperUsage::warnings(bool WholeProgram) const {
  std::lock_guard<std::mutex> Guard(Lock);
  std::vector<ConfigWarning> Out;
  for (const Wrapper &W : Wrappers) {
    if (W.Name.empty())
      continue;
    if (!W.Matched) {
      ConfigWarning U = unmatched(W);
      // On part of the program only a close name is evidence enough.
      if (WholeProgram || !U.Suggestion.empty() || Seen.count(W.Name))
        Out.push_back(std::move(U));
      continue;
    }
    if (!WholeProgram || W.SqlArg == NoArg || W.SqlCalls == 0 ||
        W.SqlText > 0)
      continue;
    ConfigWarning S;
    S.TheKind = ConfigWarning::Kind::SqlArgWithoutText;
    locate(W.Where, S);
    std::string Arg = W.SqlArg == ObjectArg
                          ? std::string("the object of the call")
                          : "argument " + std::to_string(W.SqlArg);
    S.Message = "wrapper '" + W.Name + "' takes its SQL from " + Arg +
                " ('sql_arg'), but ";
    if (W.SqlMissing == W.SqlCalls)
      S.Message += "none of its calls has that argument";
    else
      S.Message += "no call passes text there that sqlrace can read (only "
                   "values known at run time)";
    S.Message += "; arguments count from 0, the object of a member call not "
                 "included";
    Out.push_back(std::move(S));
  }
  return Out;
}

} // namespace sqlrace::catalogue
