//===- Diagnosis.cpp - sqlrace ----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The passes that run over the converged states of a function (solve() in
// Dataflow.cpp): the findings, and the summary its callers apply. Both see
// each act once with the state before it, decide on their own, and only at
// the end drop what a later path covers: a unique-violation handling of an
// INSERT, a read of how many rows a guarded UPDATE changed.
//===----------------------------------------------------------------------===//
#include "FunctionAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace sqlrace::flow {

namespace {

/// Which INSERTs some path handles the unique violation of.
class HandledInserts {
public:
  void add(llvm::ArrayRef<const Expr *> From) {
    Events.insert(From.begin(), From.end());
  }
  void addSomewhere(SourceLocation At) { Unresolved.push_back(At); }
  /// Handled: a comparison or handler tied to this event, or one whose
  /// event could not be told that comes after it in the file.
  bool covers(const Expr *Event, const SourceManager &SM) const {
    if (Events.count(Event))
      return true;
    return llvm::any_of(Unresolved, [&](SourceLocation At) {
      return At == Event->getBeginLoc() ||
             SM.isBeforeInTranslationUnit(Event->getBeginLoc(), At);
    });
  }

private:
  std::set<const Expr *> Events;
  std::vector<SourceLocation> Unresolved;
};

/// A pass that records the unique-violation handlings it is shown.
class HandlingPass : public ActVisitor {
public:
  void uniqueHandled(llvm::ArrayRef<const Expr *> From) override {
    Handled.add(From);
  }
  void uniqueHandledSomewhere(SourceLocation At) override {
    Handled.addSomewhere(At);
  }

protected:
  HandledInserts Handled;
};

class FindingPass : public HandlingPass {
public:
  explicit FindingPass(const FunctionAnalysis &FA) : FA(FA) {}
  void insert(const PathState &S, const Expr *Event, const Query &Q,
              const sql::StatementFacts &St) override {
    FA.judgeInsert(S, Event, Q, St, Inserts);
  }
  void update(const PathState &S, const Expr *Event, const Query &Q,
              const sql::StatementFacts &St) override {
    FA.judgeUpdate(S, Event, Q, St, Updates);
  }
  /// The findings, each (act, check) pair once.
  std::vector<Finding> take(const SourceManager &SM) {
    std::vector<Finding> Out;
    std::set<std::pair<SourceLocation, SourceLocation>> Seen;
    auto Add = [&](FunctionAnalysis::Verdict &V) {
      if (Seen.insert({V.Fd.ActLoc, V.Fd.CheckLoc}).second)
        Out.push_back(std::move(V.Fd));
    };
    for (FunctionAnalysis::Verdict &V : Inserts)
      if (!Handled.covers(V.Event, SM))
        Add(V);
    for (FunctionAnalysis::Verdict &V : Updates)
      if (!V.UnlessRowsCounted || !Counted.count(V.Event))
        Add(V);
    return Out;
  }
  void rowsCounted(llvm::ArrayRef<const Expr *> From) override {
    Counted.insert(From.begin(), From.end());
  }

private:
  const FunctionAnalysis &FA;
  std::vector<FunctionAnalysis::Verdict> Inserts, Updates;
  /// The writes some path reads the changed-row count of.
  std::set<const Expr *> Counted;
};

class SummaryPass : public HandlingPass {
public:
  explicit SummaryPass(const FunctionAnalysis &FA) : FA(FA) {}
  void insert(const PathState &, const Expr *Event, const Query &Q,
              const sql::StatementFacts &St) override {
    if (!Q.Conn.Conn || St.Table.empty())
      return;
    std::optional<unsigned> Param = FA.paramIndex(Q.Conn);
    if (!Param)
      return;
    const Expr *Inner = Q.Inner ? Q.Inner : Event;
    bool Known = llvm::any_of(Inserts, [&](const auto &P) {
      return P.second.Q.Call == Q.Call && P.second.Q.Inner == Inner;
    });
    if (Known)
      return;
    SummaryQuery SQ;
    SQ.ConnParam = *Param;
    SQ.Q = Q;
    SQ.Q.Facts = {St};
    SQ.Q.Inner = Inner;
    Inserts.push_back({Event, std::move(SQ)});
  }
  void returned(const PathState &S, const ReturnStmt *Ret) override {
    FA.noteReturn(S, Ret, Returns);
  }

  Summary take(const SourceManager &SM) {
    Summary Sum;
    // An INSERT whose unique violation the function handles itself is no
    // concern of its callers.
    for (auto &[Event, SQ] : Inserts)
      if (!Handled.covers(Event, SM))
        Sum.Inserts.push_back(std::move(SQ));
    // A check on a connection parameter whose outcome, and only it, decides
    // the return value: one value when no row was found, another when one
    // was.
    for (const auto &[CheckCall, R] : Returns) {
      const CheckEvent &C = FA.checkEvent(CheckCall);
      std::optional<unsigned> Param = FA.paramIndex(C.Q->Conn);
      if (!Param || R.Unknown || R.IfAbsent.size() != 1 ||
          R.IfPresent.size() != 1 ||
          *R.IfAbsent.begin() == *R.IfPresent.begin())
        continue;
      SummaryQuery SQ;
      SQ.ConnParam = *Param;
      SQ.Q = *C.Q;
      SQ.Q.Facts = {*C.Select};
      if (!SQ.Q.Inner)
        SQ.Q.Inner = CheckCall;
      SQ.IfAbsent = *R.IfAbsent.begin();
      SQ.IfPresent = *R.IfPresent.begin();
      Sum.Checks.push_back(std::move(SQ));
    }
    return Sum;
  }

private:
  const FunctionAnalysis &FA;
  std::vector<std::pair<const Expr *, SummaryQuery>> Inserts;
  std::map<const Expr *, FunctionAnalysis::ReturnValues> Returns;
};

} // namespace

void FunctionAnalysis::noteReturn(
    const PathState &S, const ReturnStmt *Ret,
    std::map<const Expr *, ReturnValues> &Returns) const {
  const Expr *Value = Ret->getRetValue();
  for (const auto &[CheckCall, State] : S.Checks) {
    if (State.Status == CheckStatus::Neither)
      continue; // no outcome of the check leads here
    ReturnValues &R = Returns[CheckCall];
    if (!Value) {
      R.Unknown = true;
      continue;
    }
    if (State.Status != CheckStatus::Present) {
      if (auto V = Evaluator.eval(Value, S, CheckCall, Outcome::Absent))
        R.IfAbsent.insert(*V);
      else
        R.Unknown = true;
    }
    if (State.Status != CheckStatus::Absent) {
      if (auto V = Evaluator.eval(Value, S, CheckCall, Outcome::Present))
        R.IfPresent.insert(*V);
      else
        R.Unknown = true;
    }
  }
}

std::vector<Finding> FunctionAnalysis::run() {
  FindingPass Pass(*this);
  if (!solve(Pass))
    return {};
  const SourceManager &SM = Model.context().getSourceManager();
  std::vector<Finding> Result = Pass.take(SM);
  llvm::stable_sort(Result, [&](const Finding &A, const Finding &B) {
    return SM.isBeforeInTranslationUnit(A.ActLoc, B.ActLoc);
  });
  return Result;
}

Summary FunctionAnalysis::summarize() {
  SummaryPass Pass(*this);
  if (!solve(Pass))
    return {};
  return Pass.take(Model.context().getSourceManager());
}

} // namespace sqlrace::flow
