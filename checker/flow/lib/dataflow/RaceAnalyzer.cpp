//===- RaceAnalyzer.cpp - sqlrace -------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// A forward analysis over Clang's CFG. Each database call is an event on a
// connection; branches whose direction depends on an existence check's
// outcome mark the paths where no row was found; an INSERT of the same key on
// such a path, on the same connection, with nothing that makes the pair
// atomic, is a check-then-insert race.
//===----------------------------------------------------------------------===//
#include "sqlrace/flow/RaceAnalyzer.h"
#include "sqlrace/flow/Isolation.h"
#include "sqlrace/sql/Protection.h"
#include "ApiModel.h"
#include "Events.h"
#include "FunctionAnalysis.h"
#include "SqlResolver.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Regex.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "clang/AST/StmtCXX.h"
#include <set>

using namespace clang;
using sqlrace::catalogue::Role;

namespace sqlrace::flow {

//===----------------------------------------------------------------------===//
// Facts of the whole translation unit.
//===----------------------------------------------------------------------===//

TranslationUnitFacts::TranslationUnitFacts(ASTContext &Ctx,
                                           const catalogue::Catalogue &Rules,
                                           const RaceOptions &Options)
    : Model(Ctx, Rules), Options(Options),
      Registries(Ctx, Options.Registries), Cfgs(Ctx),
      Texts(Ctx, &Registries, &Rules, &Cfgs) {
  if (Options.BaseSchema)
    TUSchema = *Options.BaseSchema;
  struct Collector : RecursiveASTVisitor<Collector> {
    const ApiModel &Model;
    llvm::StringMap<std::optional<std::string>> &Named;
    Schema &DDL;
    SqlTexts &Texts;
    Collector(const ApiModel &M, llvm::StringMap<std::optional<std::string>> &N,
              Schema &S, std::optional<sql::Dialect> &F, SqlTexts &T)
        : Model(M), Named(N), DDL(S), Texts(T), Found(F) {}
    std::optional<sql::Dialect> &Found;
    // A driver, connector or backend named where a connection is opened:
    // every connection opened in the file agrees, or the dialect stays
    // unknown.
    void noteDialect(const catalogue::FunctionRule &Rule, const Expr *Call) {
      const Expr *Arg = Model.arg(Call, Rule.ValueArg);
      // The text, or for a variable of unknown value (a constant defined in
      // the library) its name, simple and qualified.
      llvm::SmallVector<std::string, 2> Names{
          Texts.text(Arg)};
      if (hasHole(Names.front())) {
        Names.clear();
        if (const VarDecl *V = Model.varOf(Arg)) {
          Names.push_back(V->getName().str());
          Names.push_back(V->getQualifiedNameAsString());
        }
      }
      sql::Dialect D = sql::Dialect::Unknown;
      for (const std::string &Text : Names)
        for (const auto &[Name, Dialect] : Rule.DialectNames)
          if (Rule.DialectMatch == catalogue::NameMatch::Contains
                  ? llvm::StringRef(Text).contains_insensitive(Name)
                  : llvm::StringRef(Text).starts_with_insensitive(Name))
            D = Dialect;
      if (!Found)
        Found = D;
      else if (*Found != D)
        Found = sql::Dialect::Unknown;
    }
    // Whether a config wrapper's SQL argument ever holds text, for the
    // warning about one that never does (catalogue/WrapperUsage.h).
    void noteWrapperSql(const catalogue::FunctionRule &Rule, const Expr *Call) {
      if (Rule.WrapperIndex < 0 || Rule.SqlArg == catalogue::NoArg)
        return;
      const Expr *Arg = Model.arg(Call, Rule.SqlArg);
      Model.rules().noteWrapperSql(Rule, Arg ? &Texts.text(Arg) : nullptr);
    }
    bool VisitCXXConstructExpr(CXXConstructExpr *Ctor) {
      const catalogue::FunctionRule *Rule = Model.ruleOf(Ctor);
      if (Rule)
        noteWrapperSql(*Rule, Ctor);
      if (Rule && Rule->TheRole == Role::SetDialect)
        noteDialect(*Rule, Ctor);
      return true;
    }
    bool VisitCallExpr(CallExpr *Call) {
      const catalogue::FunctionRule *Rule = Model.ruleOf(Call);
      if (!Rule)
        return true;
      noteWrapperSql(*Rule, Call);
      // DDL the program runs (CREATE TABLE at start-up, migrations) declares
      // keys, in source order.
      if (Rule->TheRole == Role::Execute || Rule->TheRole == Role::Prepare) {
        const std::string &Text = Texts.text(Model.arg(Call, Rule->SqlArg));
        sql::Dialect D = Rule->Api ? Rule->Api->Dialect : sql::Dialect::Unknown;
        if (llvm::StringRef(Text).contains_insensitive("create") ||
            llvm::StringRef(Text).contains_insensitive("alter") ||
            llvm::StringRef(Text).contains_insensitive("drop"))
          for (const sql::StatementFacts &St : sql::analyzeSql(Text, D))
            DDL.apply(St, "", Call->getBeginLoc().getRawEncoding());
        return true;
      }
      if (Rule->TheRole == Role::SetDialect) {
        noteDialect(*Rule, Call);
        return true;
      }
      if (Rule->TheRole != Role::PrepareNamed)
        return true;
      std::string Name = Texts.text(Model.arg(Call, Rule->NameArg));
      if (hasHole(Name))
        return true;
      std::string Text = Texts.text(Model.arg(Call, Rule->SqlArg));
      auto [It, Inserted] = Named.try_emplace(Name, Text);
      if (!Inserted && It->second != Text)
        It->second = std::nullopt;
      return true;
    }
  };
  std::optional<sql::Dialect> Found;
  Collector(Model, Named, TUSchema, Found, Texts).TraverseAST(Ctx);
  if (Found && *Found != sql::Dialect::Unknown)
    OpenedDialect = *Found;
}

bool mayTouchDatabase(const ApiModel &Model, const FunctionDecl &F) {
  const SourceManager &SM = Model.context().getSourceManager();
  llvm::SmallVector<const Stmt *, 64> Work{F.getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (isa<CallExpr>(S) || isa<CXXConstructExpr>(S)) {
      if (Model.ruleOf(cast<Expr>(S)))
        return true;
      const auto *Call = dyn_cast<CallExpr>(S);
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      const FunctionDecl *Def = nullptr;
      if (Callee && Callee->hasBody(Def) && Def &&
          !SM.isInSystemHeader(Def->getLocation()))
        return true;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

const Summary &TranslationUnitFacts::summaryOf(const FunctionDecl &F) {
  // Deep call chains cost more than they find; recursion gets no summary.
  constexpr size_t MaxChain = 6;
  if (auto It = Summaries.find(&F); It != Summaries.end())
    return It->second;
  if (InProgress.count(&F) || !F.hasBody())
    return Empty; // recursion: the function is being summarised
  // Libraries' own code and functions that reach no database have nothing
  // to tell their callers.
  if (Model.context().getSourceManager().isInSystemHeader(F.getLocation()) ||
      !mayTouchDatabase(Model, F))
    return Summaries[&F];
  if (InProgress.size() >= MaxChain) {
    // Said only of the project's own helpers: libraries' internals (the
    // standard library's layers) are not what users expect followed.
    if (!Model.context().getSourceManager().isInSystemHeader(F.getLocation()))
      noteLimit("calls through more than 6 nested helpers are not followed");
    return Empty;
  }
  InProgress.insert(&F);
  Summary S = FunctionAnalysis(*this, F).summarize();
  InProgress.erase(&F);
  return Summaries[&F] = std::move(S);
}

//===----------------------------------------------------------------------===//
// The analysis of one function.
//===----------------------------------------------------------------------===//

const Query &FunctionAnalysis::queryAt(const Expr *Call, int SqlArg,
                                       const std::string *Known) {
  auto [It, Inserted] = Queries.try_emplace(Call);
  Query &Q = It->second;
  if (!Inserted)
    return Q;
  Q.Call = Call;
  Q.Rule = Model.ruleOf(Call);
  Q.Conn = Model.handleOf(Model.arg(Call, Q.Rule->ConnectionArg));
  Q.Dialect = Q.Rule->Api ? Q.Rule->Api->Dialect : sql::Dialect::Unknown;
  // The config's dialect, else the one the file's connections are opened
  // with.
  if (Q.Dialect == sql::Dialect::Unknown)
    Q.Dialect = Options.DefaultDialect;
  if (Q.Dialect == sql::Dialect::Unknown)
    Q.Dialect = TU.openedDialect();
  if (Known)
    Q.Text = *Known;
  else
    Q.Text = TU.sqlText(Model.arg(Call, SqlArg));
  Q.Facts = sql::analyzeSql(Q.Text, Q.Dialect);
  for (const sql::StatementFacts &St : Q.Facts)
    if (!St.LimitReached.empty())
      noteLimit(St.LimitReached);
  // A prepared statement runs its first statement only.
  if (Q.Rule->TheRole == Role::Prepare && Q.Facts.size() > 1)
    Q.Facts.resize(1);
  return Q;
}

void FunctionAnalysis::transfer(PathState &S, const CFGElement &E,
                                ActVisitor &V) {
  if (auto Dtor = E.getAs<CFGAutomaticObjDtor>()) {
    onDestroy(S, Dtor->getVarDecl());
    return;
  }
  auto CS = E.getAs<CFGStmt>();
  if (!CS)
    return;
  const Stmt *St = CS->getStmt();
  onUniqueHandling(S, St, V);
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->hasLocalStorage()) {
          taint(S, VD, VD->getInit(), /*Replace=*/true);
          S.Into.erase(VD);
          if (VD->getInit())
            S.Values.set(VD, VD->getInit());
          else
            S.Values.erase(VD);
          // A statement object: prepared by its constructor, or handed back
          // by a prepare call on the connection.
          const Expr *Init = Model.made(VD->getInit());
          const catalogue::FunctionRule *Rule = Model.ruleOf(Init);
          if (Rule && Rule->TheRole == Role::Prepare &&
              (isa<CXXConstructExpr>(Init) ||
               Rule->StatementOut == catalogue::ReturnValue)) {
            S.Statements.set(VD, Init);
            S.LastStep.erase(VD);
            S.Bindings.erase(VD);
          }
        }
    return;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(St)) {
    if (B->isAssignmentOp())
      if (const VarDecl *VD = Model.varOf(B->getLHS())) {
        bool Plain = B->getOpcode() == BO_Assign &&
                     isa<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts());
        taint(S, VD, B->getRHS(), /*Replace=*/Plain);
        if (Plain)
          S.Values.set(VD, B->getRHS());
        else if (B->getOpcode() == BO_AddAssign ||
                 B->getOpcode() == BO_SubAssign)
          S.Values.set(VD, B); // x += d: changeOperator() reads the change
        else
          S.Values.erase(VD);
      }
    return;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(St)) {
    // ++x keeps what x was computed from, but its value is no longer known.
    if (U->isIncrementDecrementOp())
      if (const VarDecl *VD = Model.varOf(U->getSubExpr()))
        S.Values.set(VD, U); // ++x: a change of one
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(St))
    if (Op->isAssignmentOp() && Op->getNumArgs() == 2)
      if (const VarDecl *VD = Model.varOf(Op->getArg(0))) {
        bool Plain = Op->getOperator() == OO_Equal;
        taint(S, VD, Op->getArg(1), Plain);
        if (Plain)
          S.Values.set(VD, Op->getArg(1));
        else
          S.Values.erase(VD);
      }
  if (const auto *Call = dyn_cast<CallExpr>(St))
    onCall(S, Call, V);
  if (const auto *Ctor = dyn_cast<CXXConstructExpr>(St))
    onConstruct(S, Ctor, V);
  if (const auto *Ret = dyn_cast<ReturnStmt>(St))
    V.returned(S, Ret);
}

void FunctionAnalysis::onDestroy(PathState &S, const VarDecl *VD) {
  // A transaction object (SQLite::Transaction) rolls back the transaction
  // it began if it is still open when it goes out of scope.
  const Expr *Init = Model.made(VD->getInit());
  const catalogue::FunctionRule *Rule = Model.ruleOf(Init);
  if (!Rule || Rule->TheRole != Role::TxnBegin || !isa<CXXConstructExpr>(Init))
    return;
  Handle H = Model.handleOf(Model.arg(Init, Rule->ConnectionArg));
  auto It = H.Conn ? S.Txns.find(H.Conn) : S.Txns.end();
  if (It == S.Txns.end() || !It->second.InTxn || It->second.Begin != Init)
    return;
  sql::StatementFacts St;
  St.Kind = sql::StatementKind::Transaction;
  St.Txn = sql::TxnAction::Rollback;
  onTransaction(S, H.Conn, St, Init);
}

void FunctionAnalysis::onUniqueHandling(const PathState &S, const Stmt *St,
                                        ActVisitor &V) const {
  llvm::SmallVector<const Expr *, 4> From;
  if (const auto *Catch = dyn_cast<CXXCatchStmt>(St)) {
    // A handler of the API's unique-violation exception, reached by the
    // exception edges of these calls.
    if (Unique.isUniqueException(Catch->getCaughtType()) &&
        !S.CaughtFrom.empty()) {
      From.assign(S.CaughtFrom.begin(), S.CaughtFrom.end());
      V.uniqueHandled(From);
    }
    return;
  }
  const Expr *Value = Unique.comparedWithUniqueCode(St);
  if (!Value)
    return;
  // The events whose error the compared value reports. Resolved: the value
  // was traced to a connection or result, even if no event ran on it (an
  // error read from another connection handles nothing).
  bool Resolved = false;
  errorSources(S, Value, 0, From, Resolved);
  if (From.empty() && !Resolved)
    V.uniqueHandledSomewhere(St->getBeginLoc());
  else
    V.uniqueHandled(From);
}

void FunctionAnalysis::errorSources(const PathState &S, const Expr *E,
                                    unsigned Depth,
                                    llvm::SmallVectorImpl<const Expr *> &From,
                                    bool &Resolved) const {
  if (!E || Depth > 12)
    return;
  E = stripWrappers(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (VD && VD->isExceptionVariable())
      From.append(S.CaughtFrom.begin(), S.CaughtFrom.end());
    else if (const Expr *const *Value = VD ? S.Values.lookup(VD) : nullptr)
      errorSources(S, *Value, Depth + 1, From, Resolved);
    return;
  }
  if (const catalogue::FunctionRule *Rule = Model.ruleOf(E)) {
    switch (Rule->TheRole) {
    case Role::ErrorCode:
    case Role::ErrorField: {
      if (Rule->ConnectionArg != catalogue::NoArg) {
        const Expr *Conn = Model.arg(E, Rule->ConnectionArg);
        Resolved |= Model.handleOf(Conn).Conn != nullptr;
        if (const Expr *Last = Evaluator.lastEventOn(Conn, S))
          From.push_back(Last);
      }
      const Expr *On = Rule->ResultArg != catalogue::NoArg
                           ? Model.arg(E, Rule->ResultArg)
                           : Model.arg(E, catalogue::ObjectArg);
      if (!On)
        return;
      if (const Expr *Source = Evaluator.resultSource(On, S))
        From.push_back(Source);
      else if (const Expr *Last = Evaluator.lastEventOn(On, S))
        From.push_back(Last);
      else // an exception, an error object
        errorSources(S, On, Depth + 1, From, Resolved);
      return;
    }
    default:
      if (const Expr *Source = Evaluator.resultSource(E, S))
        From.push_back(Source);
      return;
    }
  }
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
    errorSources(S, M->getImplicitObjectArgument(), Depth + 1, From, Resolved);
    return;
  }
  for (const Stmt *Child : E->children())
    errorSources(S, dyn_cast_or_null<Expr>(Child), Depth + 1, From, Resolved);
}

void FunctionAnalysis::taint(PathState &S, const VarDecl *VD, const Expr *E,
                             bool Replace) const {
  std::set<const Expr *> From;
  // Only the reads E can refer to are asked about.
  llvm::SmallPtrSet<const Expr *, 16> Mentioned;
  if (E && !S.Reads.empty())
    eventsIn(E, S, Mentioned);
  for (const Expr *Read : Mentioned)
    if (S.Reads.count(Read) && Evaluator.dependsOnRead(E, S, Read))
      From.insert(Read);
  if (!Replace)
    if (const auto *Old = S.Taint.lookup(VD))
      From.insert(Old->begin(), Old->end());
  if (From.empty())
    S.Taint.erase(VD);
  else
    S.Taint.set(VD, std::move(From));
}

std::optional<unsigned> FunctionAnalysis::paramIndex(const Handle &H) const {
  const auto *P = dyn_cast_or_null<ParmVarDecl>(H.Conn);
  if (!P || P->getDeclContext() != &F)
    return std::nullopt;
  return P->getFunctionScopeIndex();
}

void FunctionAnalysis::onSummarizedCall(PathState &S, const CallExpr *Call,
                                         ActVisitor &V) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  // A virtual call may land anywhere: no guess.
  if (const auto *M = dyn_cast<CXXMethodDecl>(Callee); M && M->isVirtual())
    return;
  const FunctionDecl *Def = nullptr;
  if (!Callee->hasBody(Def) || !Def || Def == &F)
    return;
  const Summary &Sum = TU.summaryOf(*Def);
  unsigned Shift = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Def);
  unsigned Index = 0;
  auto Bind = [&](const SummaryQuery &SQ) -> Query * {
    unsigned ArgIndex = SQ.ConnParam + Shift;
    if (ArgIndex >= Call->getNumArgs() || SQ.Q.Facts.empty())
      return nullptr;
    Handle H = Model.handleOf(Call->getArg(ArgIndex));
    if (!H.Conn)
      return nullptr;
    Query &Q = CalleeQueries[{Call, Index++}];
    Q = SQ.Q;
    Q.Conn = H;
    Q.Call = Call;
    Q.Rule = nullptr;
    if (!Q.Inner)
      Q.Inner = SQ.Q.Call;
    Q.Via = Def;
    return &Q;
  };
  for (const SummaryQuery &SQ : Sum.Checks) {
    Query *Q = Bind(SQ);
    if (!Q)
      continue;
    CheckEvent &C = CheckEvents[Call];
    C.Q = Q;
    C.Select = &Q->Facts.front();
    C.ReturnIfAbsent = SQ.IfAbsent;
    C.ReturnIfPresent = SQ.IfPresent;
    S.Checks.set(Call, checkStateNow(S.Txns[Q->Conn.Conn], *Q, /*Locking=*/false));
    break; // one check per call: its outcome is the return value
  }
  for (const SummaryQuery &SQ : Sum.Inserts)
    if (Query *Q = Bind(SQ)) {
      V.insert(S, Call, *Q, Q->Facts.front());
      // The last query on the connection ran inside the call.
      S.LastEvent[Q->Conn.Conn] = Call;
    }
}

void FunctionAnalysis::onTxnCall(PathState &S, const Expr *Call,
                                  const catalogue::FunctionRule &Rule) {
  Handle H = Model.handleOf(Model.arg(Call, Rule.ConnectionArg));
  if (!H.Conn)
    return;
  sql::StatementFacts St;
  St.Kind = sql::StatementKind::Transaction;
  St.Txn = Rule.TheRole == Role::TxnBegin    ? sql::TxnAction::Begin
           : Rule.TheRole == Role::TxnCommit ? sql::TxnAction::Commit
                                             : sql::TxnAction::Rollback;
  onTransaction(S, H.Conn, St, Call);
}

void FunctionAnalysis::onConstruct(PathState &S, const CXXConstructExpr *Ctor,
                                   ActVisitor &V) {
  const catalogue::FunctionRule *Rule = Model.ruleOf(Ctor);
  if (!Rule)
    return;
  switch (Rule->TheRole) {
  case Role::TxnBegin: // SQLite::Transaction T(Db): BEGIN
    onTxnCall(S, Ctor, *Rule);
    return;
  case Role::Execute: // a query object that runs its SQL when constructed
    runQuery(S, Ctor, queryAt(Ctor, Rule->SqlArg, nullptr), V);
    return;
  default:
    return;
  }
}

void FunctionAnalysis::onCall(PathState &S, const CallExpr *Call,
                              ActVisitor &V) {
  const catalogue::FunctionRule *Rule = Model.ruleOf(Call);
  if (!Rule) {
    onSummarizedCall(S, Call, V);
    return;
  }
  switch (Rule->TheRole) {
  case Role::Prepare:
    if (const VarDecl *Stmt = Model.varOf(Model.arg(Call, Rule->StatementOut))) {
      S.Statements.set(Stmt, Call);
      S.LastStep.erase(Stmt);
      S.Bindings.erase(Stmt);
    }
    return;
  case Role::Bind: {
    // A bind with no statement belongs to its full expression; boundValue()
    // finds it there.
    const VarDecl *Stmt = Model.varOf(Model.arg(Call, Rule->StatementArg));
    if (!Stmt)
      return;
    const Expr *Value = Model.arg(Call, Rule->ValueArg);
    // A bind without a position binds the next placeholder.
    if (Rule->IndexArg == catalogue::NextArg) {
      S.Bindings.modify(Stmt, [&](std::map<unsigned, const Expr *> &Bound) {
        Bound[Bound.size() + 1] = Value;
      });
      return;
    }
    const Expr *Index = Model.arg(Call, Rule->IndexArg);
    Expr::EvalResult R;
    if (Index && !Index->isValueDependent() &&
        Index->EvaluateAsInt(R, Model.context()) &&
        R.Val.getInt().getActiveBits() < 16) {
      // Placeholders are numbered from 1 here, whatever the API counts from.
      // Fewer than 16 active bits: a small non-negative value, which
      // int64_t holds whatever the constant's type.
      int64_t N = static_cast<int64_t>(R.Val.getInt().getZExtValue()) -
                  Rule->IndexBase + 1;
      if (N >= 1)
        S.Bindings.modify(Stmt, [&](std::map<unsigned, const Expr *> &Bound) {
          Bound[static_cast<unsigned>(N)] = Value;
        });
      return;
    }
    // A bind by name: the position of :name in the prepared SQL.
    const Expr *const *Prepared = S.Statements.lookup(Stmt);
    if (!Index || !Prepared)
      return;
    std::string Name = TU.sqlText(Index);
    const catalogue::FunctionRule *PrepareRule = Model.ruleOf(*Prepared);
    const Query &Q = queryAt(*Prepared, PrepareRule->SqlArg, nullptr);
    if (std::optional<unsigned> N =
            sql::namedPlaceholderNumber(Q.Text, Name, Q.Dialect))
      S.Bindings.modify(Stmt, [&](std::map<unsigned, const Expr *> &Bound) {
        Bound[*N] = Value;
      });
    return;
  }
  case Role::Step:
  case Role::ExecutePrepared: {
    const VarDecl *Stmt = Model.varOf(Model.arg(Call, Rule->StatementArg));
    const Expr *const *Prepared = Stmt ? S.Statements.lookup(Stmt) : nullptr;
    if (!Prepared)
      return;
    const Expr *Prepare = *Prepared;
    const Query &Q = queryAt(Prepare, Model.ruleOf(Prepare)->SqlArg, nullptr);
    // Only the first step of a statement runs it; later ones fetch rows.
    bool Runs = Rule->TheRole == Role::ExecutePrepared || !S.LastStep.count(Stmt);
    S.LastStep.set(Stmt, Call);
    if (Runs) {
      runQuery(S, Call, Q, V);
      // Outputs named when the statement was prepared receive its values.
      llvm::SmallVector<const VarDecl *, 4> Targets;
      for (const auto &[Target, Source] : S.Into)
        if (Source == Prepare)
          Targets.push_back(Target);
      for (const VarDecl *Target : Targets) {
        S.Into.set(Target, Call);
        if (S.Reads.count(Call))
          S.Taint.set(Target, {Call});
      }
    }
    return;
  }
  case Role::Execute:
    runQuery(S, Call, queryAt(Call, Rule->SqlArg, nullptr), V);
    // q.exec(sql) on a query object: q now holds that result.
    if (Rule->ConnectionArg == catalogue::ObjectArg)
      if (const VarDecl *Object = Model.varOf(Model.arg(Call, Rule->ConnectionArg)))
        S.LastStep.set(Object, Call);
    return;

  case Role::StoreResult: {
    if (const Expr *Last =
            Evaluator.lastEventOn(Model.arg(Call, Rule->ConnectionArg), S))
      S.ResultOf.set(Call, Last);
    else
      S.ResultOf.erase(Call);
    return;
  }
  case Role::TxnBegin:
  case Role::TxnCommit:
  case Role::TxnRollback:
    onTxnCall(S, Call, *Rule);
    return;
  case Role::SetIsolation: {
    // The isolation of the connection's current or next transaction.
    Handle H = Model.handleOf(Model.arg(Call, Rule->ConnectionArg));
    sql::StatementFacts St;
    St.Kind = sql::StatementKind::Transaction;
    St.Txn = sql::TxnAction::SetTransaction;
    St.Iso = Model.isolationArg(Call, *Rule);
    if (H.Conn && St.Iso != sql::Isolation::Unspecified)
      onTransaction(S, H.Conn, St, Call);
    return;
  }
  case Role::ColumnInto: {
    // into(x): x receives a value of the result (or, with no result
    // argument, of the statement this full expression runs).
    const VarDecl *Target = Model.varOf(Model.arg(Call, Rule->ValueArg));
    if (!Target)
      return;
    const Expr *Source = S.LastAnyEvent;
    // stmt << "SELECT ...", into(x): x receives a value when stmt runs
    // later; until then it points at the prepare call.
    if (Rule->ResultArg == catalogue::NoArg)
      if (const Expr *Prepare = preparedInFullExpression(Call))
        Source = Prepare;
    if (Rule->ResultArg != catalogue::NoArg) {
      const Expr *Result = Model.arg(Call, Rule->ResultArg);
      Source = Evaluator.resultSource(Result, S);
      // A statement handle that ran its SQL directly: its last event.
      if (!Source)
        Source = Evaluator.lastEventOn(Result, S);
    }
    S.Values.erase(Target);
    if (!Source) {
      S.Into.erase(Target);
      return;
    }
    S.Into.set(Target, Source);
    if (S.Reads.count(Source))
      S.Taint.set(Target, {Source});
    return;
  }
  case Role::ErrorCode:
  case Role::ErrorField:
    // An error call that writes the code into an out-argument: the buffer
    // now holds it.
    if (Rule->ValueArg >= 0)
      if (const VarDecl *Buffer = Model.varOf(Model.arg(Call, Rule->ValueArg)))
        S.Values.set(Buffer, Call);
    return;
  case Role::AffectedRows: {
    // How many rows a write changed: of the write that produced the result
    // or statement asked about, or the last query on the connection.
    llvm::SmallVector<const Expr *, 2> From;
    if (Rule->ConnectionArg != catalogue::NoArg)
      if (const Expr *Last =
              Evaluator.lastEventOn(Model.arg(Call, Rule->ConnectionArg), S))
        From.push_back(Last);
    const Expr *On = Rule->ResultArg != catalogue::NoArg
                         ? Model.arg(Call, Rule->ResultArg)
                         : Model.arg(Call, catalogue::ObjectArg);
    if (const Expr *Source = On ? Evaluator.resultSource(On, S) : nullptr)
      From.push_back(Source);
    else if (const Expr *Last = On ? Evaluator.lastEventOn(On, S) : nullptr)
      From.push_back(Last);
    if (!From.empty())
      V.rowsCounted(From);
    return;
  }
  case Role::FormatInto:
    // snprintf(buf, ...): buf now holds text made from the arguments.
    if (const VarDecl *Buffer = Model.varOf(Model.arg(Call, Rule->ValueArg))) {
      taint(S, Buffer, Call, /*Replace=*/true);
      S.Values.set(Buffer, Call);
    }
    return;
  case Role::ExecuteNamed: {
    std::string Name = TU.sqlText(Model.arg(Call, Rule->NameArg));
    if (hasHole(Name))
      return;
    if (std::optional<std::string> Text = TU.named(Name))
      runQuery(S, Call, queryAt(Call, catalogue::NoArg, &*Text), V);
    return;
  }
  default:
    return;
  }
}

void FunctionAnalysis::onTransaction(PathState &S, const ValueDecl *Conn,
                                     const sql::StatementFacts &St,
                                     TxnSite Site) {
  TxnState &T = S.Txns[Conn];
  switch (St.Txn) {
  case sql::TxnAction::Begin:
    // The same BEGIN again (a loop): what was recorded in its previous
    // transaction belongs to a transaction that has ended. A BEGIN that
    // may find its own transaction still open changes nothing.
    if (!(T.InTxn && T.Begin == Site)) {
      llvm::SmallVector<const Expr *, 4> Ended;
      for (const auto &[Event, C] : S.Checks)
        if (C.Txn == Site && CheckEvents.at(Event).Q->Conn.Conn == Conn)
          Ended.push_back(Event);
      for (const Expr *Event : Ended)
        S.Checks.modify(Event, [](CheckState &C) { C.Txn = EndedTxn; });
      Ended.clear();
      for (const auto &[Event, R] : S.Reads)
        if (R.Txn == Site && ReadEvents.at(Event).Q->Conn.Conn == Conn)
          Ended.push_back(Event);
      for (const Expr *Event : Ended)
        S.Reads.modify(Event, [](ReadState &R) { R.Txn = EndedTxn; });
    }
    T.InTxn = true;
    T.Begin = Site;
    T.Iso = St.Iso != sql::Isolation::Unspecified ? St.Iso : T.NextIso;
    T.NextIso = sql::Isolation::Unspecified;
    T.Mode = St.Mode;
    T.XactLock = false;
    return;
  case sql::TxnAction::Commit:
  case sql::TxnAction::Rollback:
    T.InTxn = false;
    T.Begin = nullptr;
    T.XactLock = false;
    T.Iso = sql::Isolation::Unspecified;
    T.Mode = sql::BeginMode::Unspecified;
    return;
  case sql::TxnAction::SetTransaction:
    if (T.InTxn)
      T.Iso = St.Iso;
    else
      T.NextIso = St.Iso;
    return;
  default:
    return;
  }
}

// Whether the connection's state makes a read and a later write on it atomic.
// Which transaction, level or lock protects against what, per dialect, is the
// table of sqlrace/sql/Protection.h; this only gathers the facts it needs.
bool FunctionAnalysis::isProtected(const TxnState &T, const Handle &H,
                                   sql::Dialect D, CheckKind For) const {
  sql::ProtectionFacts Facts;
  Facts.InTransaction = T.InTxn;
  Facts.ThroughTransactionObject = H.TxnObject;
  // A transaction object has its own level: its type's or constructor's,
  // or that of a SET TRANSACTION run through it.
  Facts.Iso = T.Iso;
  if (H.TxnObject) {
    auto It = T.ObjectIso.find(H.TxnVar);
    Facts.Iso = It != T.ObjectIso.end() ? It->second : H.Iso;
  }
  Facts.Mode = T.Mode;
  Facts.TransactionLockHeld = T.XactLock;
  Facts.SessionLockHeld = T.SessionLock;
  sql::Anomaly Anomaly = sql::Anomaly::LostUpdate;
  if (For == CheckKind::CheckThenInsert ||
      For == CheckKind::UnhandledUniqueViolation)
    Anomaly = sql::Anomaly::DuplicateInsert;
  else if (For == CheckKind::CheckThenUpdate)
    Anomaly = sql::Anomaly::StaleCheck;
  return sql::protects(D, Anomaly, Facts);
}

CheckState FunctionAnalysis::checkStateNow(const TxnState &T, const Query &Q,
                                          bool Locking) const {
  CheckState State;
  State.Protected =
      isProtected(T, Q.Conn, Q.Dialect, CheckKind::CheckThenInsert);
  State.Txn = T.InTxn ? T.Begin : nullptr;
  State.TxnObj = Q.Conn.TxnVar;
  State.InTxn = T.InTxn || Q.Conn.TxnObject;
  State.LockedOutsideTxn = T.LockedOutsideTxn || (Locking && !State.InTxn);
  State.Iso = Q.Conn.TxnObject ? Q.Conn.Iso : T.Iso;
  return State;
}

void FunctionAnalysis::runQuery(PathState &S, const Expr *Event,
                                const Query &Q, ActVisitor &V) {
  TxnState *T = Q.Conn.Conn ? &S.Txns[Q.Conn.Conn] : nullptr;
  if (Q.Conn.Conn)
    S.LastEvent[Q.Conn.Conn] = Event;
  S.LastAnyEvent = Event;
  for (const sql::StatementFacts &St : Q.Facts) {
    // SET TRANSACTION as the first statement of a transaction object.
    if (T && Q.Conn.TxnObject && St.Txn == sql::TxnAction::SetTransaction &&
        St.Iso != sql::Isolation::Unspecified)
      T->ObjectIso[Q.Conn.TxnVar] = St.Iso;
    else if (T && St.Kind == sql::StatementKind::Transaction)
      onTransaction(S, Q.Conn.Conn, St, &St);
    if (T && St.Locking != sql::LockKind::None) {
      switch (St.Locking) {
      case sql::LockKind::AdvisoryXact:
      case sql::LockKind::TableLock:
        // Through a transaction object, the statement is inside its
        // transaction.
        T->XactLock = (T->InTxn || Q.Conn.TxnObject) && !St.TryLock;
        T->LockedOutsideTxn = !T->InTxn && !Q.Conn.TxnObject;
        break;
      case sql::LockKind::AdvisorySession:
      case sql::LockKind::GetLock:
      case sql::LockKind::AppLock:
        T->SessionLock = !St.TryLock;
        break;
      case sql::LockKind::AdvisoryUnlock:
      case sql::LockKind::ReleaseLock:
      case sql::LockKind::AppUnlock:
      case sql::LockKind::UnlockTables:
        T->SessionLock = false;
        break;
      default:
        break;
      }
    }
    bool KeyedSelect = St.Kind == sql::StatementKind::Select &&
                       !St.Table.empty() && !St.KeyColumns.empty() &&
                       Q.Conn.Conn && St.Locking == sql::LockKind::None;
    if (KeyedSelect && St.Existence != sql::ExistenceForm::None) {
      CheckEvent &C = CheckEvents[Event];
      C.Q = &Q;
      C.Select = &St;
      S.Checks.set(Event, checkStateNow(*T, Q, St.Lock != sql::LockStrength::None));
    }
    if (KeyedSelect && St.Existence != sql::ExistenceForm::Constant &&
        St.Existence != sql::ExistenceForm::Count &&
        St.Existence != sql::ExistenceForm::Exists) {
      ReadEvent &R = ReadEvents[Event];
      R.Q = &Q;
      R.Select = &St;
      ReadState State;
      // A row lock taken inside a transaction holds until it ends.
      bool RowLock = St.Lock == sql::LockStrength::ForUpdate ||
                     St.Lock == sql::LockStrength::ForNoKeyUpdate;
      State.Protected =
          (RowLock && (T->InTxn || Q.Conn.TxnObject)) ||
          isProtected(*T, Q.Conn, Q.Dialect, CheckKind::ReadModifyWrite);
      State.Txn = T->InTxn ? T->Begin : nullptr;
      State.TxnObj = Q.Conn.TxnVar;
      S.Reads.set(Event, State);
    }
    if (St.Kind == sql::StatementKind::Insert &&
        St.Atomic == sql::AtomicInsert::None)
      V.insert(S, Event, Q, St);
    if (St.Kind == sql::StatementKind::Update)
      V.update(S, Event, Q, St);
  }
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

bool tableMatchesAny(llvm::StringRef Table,
                     const std::vector<std::string> &Globs) {
  std::string Lowered = Table.lower();
  return llvm::any_of(Globs, [&](const std::string &Glob) {
    // A GlobPattern points into the text it was made from: the lowered
    // copy must outlive it.
    std::string LoweredGlob = llvm::StringRef(Glob).lower();
    auto Pattern = llvm::GlobPattern::create(LoweredGlob);
    return Pattern && Pattern->match(Lowered);
  });
}

RaceAnalyzer::RaceAnalyzer(ASTContext &Ctx, const catalogue::Catalogue &Rules,
                           RaceOptions Options)
    : Ctx(Ctx), Rules(Rules), Options(std::move(Options)) {}

RaceAnalyzer::~RaceAnalyzer() = default;

void RaceAnalyzer::recoverFromFailure() {
  if (TU)
    TU->forgetUnfinished();
}

std::vector<Finding> RaceAnalyzer::findRaces(const FunctionDecl &F) {
  if (!F.hasBody() || F.isDependentContext() || F.isInvalidDecl())
    return {};
  // A function that cannot reach a database costs one walk of its body:
  // the unit's facts are gathered only once some function can.
  if (!Probe)
    Probe = std::make_unique<ApiModel>(Ctx, Rules);
  if (!mayTouchDatabase(*Probe, F))
    return {};
  if (!TU)
    TU = std::make_unique<TranslationUnitFacts>(Ctx, Rules, Options);
  std::vector<Finding> Found = FunctionAnalysis(*TU, F).run();
  if (Options.IgnoredTables.empty())
    return Found;
  llvm::erase_if(Found, [&](const Finding &Fd) {
    auto It = Options.IgnoredTables.find(Fd.Check);
    return It != Options.IgnoredTables.end() &&
           tableMatchesAny(Fd.Table, It->second);
  });
  return Found;
}

AnalysisResult analyseMainFile(ASTContext &Ctx,
                               const catalogue::Catalogue &Rules,
                               const RaceOptions &Options) {
  struct Visitor : RecursiveASTVisitor<Visitor> {
    ASTContext &Ctx;
    RaceAnalyzer &Analyzer;
    AnalysisResult &Out;
    Visitor(ASTContext &C, RaceAnalyzer &A, AnalysisResult &O)
        : Ctx(C), Analyzer(A), Out(O) {}
    // A template's pattern is dependent and has no CFG to analyse: each
    // template is analysed once, through its first instantiation (whose
    // statements carry the template's source locations).
    bool shouldVisitTemplateInstantiations() const { return true; }
    bool shouldVisitLambdaBodies() const { return true; }
    std::optional<llvm::Regex> Headers;
    std::map<FileID, bool> HeaderVerdicts;
    std::set<const FunctionDecl *> TemplatesDone;
    bool wanted(SourceLocation Loc) {
      const SourceManager &SM = Ctx.getSourceManager();
      Loc = SM.getExpansionLoc(Loc);
      if (SM.isInMainFile(Loc))
        return true;
      if (!Headers || SM.isInSystemHeader(Loc))
        return false;
      FileID File = SM.getFileID(Loc);
      auto [It, New] = HeaderVerdicts.try_emplace(File, false);
      if (New)
        It->second = Headers->match(SM.getFilename(Loc));
      return It->second;
    }
    bool VisitFunctionDecl(FunctionDecl *F) {
      if (!F->doesThisDeclarationHaveABody() || F->isDependentContext() ||
          !wanted(F->getLocation()))
        return true;
      if (const FunctionDecl *Pattern = F->getTemplateInstantiationPattern())
        if (!TemplatesDone.insert(Pattern).second)
          return true;
      std::vector<Finding> Found;
      std::vector<std::string> Limits;
      std::string What;
      bool Ok = runIsolated(
          [&] {
            LimitScope Scope(Limits);
            crashIfAskedFor([F] { return F->getQualifiedNameAsString(); });
            Found = Analyzer.findRaces(*F);
          },
          What);
      for (std::string &L : Limits)
        Out.Remarks.push_back({Remark::Kind::Limit,
                               F->getQualifiedNameAsString(),
                               F->getLocation(), std::move(L)});
      if (!Ok) {
        Analyzer.recoverFromFailure();
        Out.Remarks.push_back({Remark::Kind::InternalError,
                               F->getQualifiedNameAsString(),
                               F->getLocation(), std::move(What)});
        return true;
      }
      for (Finding &Fd : Found)
        Out.Findings.push_back(std::move(Fd));
      return true;
    }
  };
  AnalysisResult Out;
  // The walk and each function's analysis recurse as deep as the code
  // nests: give them a stack of their own, far larger than a thread's
  // default, and isolate the walk as a whole as well.
  runOnBigStack(
      [&] {
        RaceAnalyzer Analyzer(Ctx, Rules, Options);
        Visitor V(Ctx, Analyzer, Out);
        if (!Options.HeaderFilter.empty())
          V.Headers.emplace(Options.HeaderFilter);
        std::string What;
        if (!runIsolated([&] { V.TraverseAST(Ctx); }, What)) {
          const SourceManager &SM = Ctx.getSourceManager();
          Out.Remarks.push_back(
              {Remark::Kind::InternalError, "<translation unit>",
               SM.getLocForStartOfFile(SM.getMainFileID()), std::move(What)});
        }
      },
      AnalysisStackBytes);
  return Out;
}

std::vector<Finding> findRacesInMainFile(ASTContext &Ctx,
                                         const catalogue::Catalogue &Rules,
                                         const RaceOptions &Options) {
  return analyseMainFile(Ctx, Rules, Options).Findings;
}

} // namespace sqlrace::flow
