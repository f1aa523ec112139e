//===- FunctionAnalysis.h - sqlrace ---------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The analysis of one function body: the dataflow driver lives in
// RaceAnalyzer.cpp, the verdict of each kind of act in its own file
// (InsertChecks.cpp, UpdateChecks.cpp).
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_FUNCTIONANALYSIS_H
#define SQLRACE_FLOW_FUNCTIONANALYSIS_H

#include "Events.h"
#include "FunctionCfg.h"
#include "SqlResolver.h"
#include "StatementRegistry.h"
#include "sqlrace/flow/RaceAnalyzer.h"
#include "clang/Analysis/CFG.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <set>

namespace sqlrace::flow {

using clang::CFGBlock;
using clang::CFGElement;
using clang::CallExpr;
using clang::Expr;
using clang::FunctionDecl;

/// What a function does to the connections it is given, as its callers
/// see it: existence checks whose outcome its return value tells, and
/// INSERTs it runs. Queries are kept in the callee's terms; ConnParam says
/// which parameter carries the connection.
struct SummaryQuery {
  unsigned ConnParam = 0;
  Query Q;
  std::optional<int64_t> IfAbsent, IfPresent;
};
struct Summary {
  std::vector<SummaryQuery> Checks;
  std::vector<SummaryQuery> Inserts;
};

/// Facts of the whole translation unit: SQL registered under a constant
/// name (role prepare_named; a name registered with two texts
/// resolves to nothing), and function summaries, computed on demand.
class TranslationUnitFacts {
public:
  TranslationUnitFacts(clang::ASTContext &Ctx,
                       const catalogue::Catalogue &Rules,
                       const RaceOptions &Options);
  const ApiModel &model() const { return Model; }
  /// The base schema plus the DDL this translation unit runs.
  const Schema &schema() const { return TUSchema; }
  const StatementRegistries &registries() const { return Registries; }
  /// The dialect every connection opened in the file names, if any.
  sql::Dialect openedDialect() const { return OpenedDialect; }
  const RaceOptions &options() const { return Options; }
  /// The SQL registered under Name, if it is unambiguous.
  std::optional<std::string> named(llvm::StringRef Name) const {
    auto It = Named.find(Name);
    return It == Named.end() ? std::nullopt : It->second;
  }
  /// The summary of a function with a body; empty while it is being computed
  /// (recursion), and for functions too deep in the call chain.
  const Summary &summaryOf(const FunctionDecl &F);
  /// After a function's analysis failed half-way (Isolation.h): the
  /// summaries it had started are not in progress any more.
  void forgetUnfinished() {
    InProgress.clear();
    Texts.reset();
    Cfgs.clear();
  }
  /// The control-flow graphs of the unit's functions.
  FunctionCfgs &cfgs() { return Cfgs; }
  /// The SQL text of an expression, resolved once for the whole unit.
  const std::string &sqlText(const Expr *E) { return Texts.text(E); }


private:
  ApiModel Model;
  RaceOptions Options;
  llvm::StringMap<std::optional<std::string>> Named;
  Schema TUSchema;
  StatementRegistries Registries;
  FunctionCfgs Cfgs;
  SqlTexts Texts;
  sql::Dialect OpenedDialect = sql::Dialect::Unknown;
  std::map<const FunctionDecl *, Summary> Summaries;
  std::set<const FunctionDecl *> InProgress;
  Summary Empty;
};

/// What the diagnosis pass is shown, in the manner of clang::dataflow's
/// post-visit callbacks: once the dataflow has converged, each block is
/// transferred once more from its entry state and every act the transfer
/// functions meet is handed over with the state just before it. The solver
/// uses this base class, which ignores everything: transfer functions never
/// decide anything themselves.
class ActVisitor {
public:
  virtual ~ActVisitor() = default;
  virtual void insert(const PathState &, const Expr * /*Event*/,
                      const Query &, const sql::StatementFacts &) {}
  virtual void update(const PathState &, const Expr * /*Event*/,
                      const Query &, const sql::StatementFacts &) {}
  virtual void returned(const PathState &, const clang::ReturnStmt *) {}
  /// A value produced by the events From is compared with a unique-violation
  /// code, or caught as the API's unique-violation exception.
  virtual void uniqueHandled(llvm::ArrayRef<const Expr *> /*From*/) {}
  /// The same, for a value whose event could not be told: At is where.
  virtual void uniqueHandledSomewhere(clang::SourceLocation /*At*/) {}
  /// The number of rows changed by the writes From is read.
  virtual void rowsCounted(llvm::ArrayRef<const Expr *> /*From*/) {}
};

/// Whether F can touch a database: it calls a catalogued function, or a
/// function of the project with a body (whose summary may). Functions that
/// cannot get no CFG and no summary.
bool mayTouchDatabase(const ApiModel &Model, const FunctionDecl &F);

class FunctionAnalysis {
public:
  FunctionAnalysis(TranslationUnitFacts &TU, const FunctionDecl &F)
      : Model(TU.model()), TU(TU), F(F), Options(TU.options()),
        Evaluator(Model, CheckEvents), Unique(Model) {}

  /// The findings in F.
  std::vector<Finding> run();
  /// What F does for its callers.
  Summary summarize();

  /// The verdicts, called by the diagnosis pass (Diagnosis.cpp).
  struct Verdict {
    const Expr *Event;
    Finding Fd;
    /// A guarded UPDATE (a compare-and-set): no race when some path after
    /// it reads how many rows it changed.
    bool UnlessRowsCounted = false;
  };
  void judgeInsert(const PathState &S, const Expr *Event, const Query &Q,
                   const sql::StatementFacts &Insert,
                   std::vector<Verdict> &Out) const;
  void judgeUpdate(const PathState &S, const Expr *Event, const Query &Q,
                   const sql::StatementFacts &Update,
                   std::vector<Verdict> &Out) const;
  /// Per check: the values F returns when it found no row / a row, and
  /// whether some return could not be evaluated.
  struct ReturnValues {
    std::set<int64_t> IfAbsent, IfPresent;
    bool Unknown = false;
  };
  void noteReturn(const PathState &S, const clang::ReturnStmt *Ret,
                  std::map<const Expr *, ReturnValues> &Returns) const;
  /// The parameter of F that Handle designates, if any.
  std::optional<unsigned> paramIndex(const Handle &H) const;
  const CheckEvent &checkEvent(const Expr *Call) const {
    return CheckEvents.at(Call);
  }

private:
  const ApiModel &Model;
  TranslationUnitFacts &TU;
  const FunctionDecl &F;
  const RaceOptions &Options;
  ConditionEvaluator Evaluator;
  UniqueHandling Unique;

  /// Call site -> the SQL it runs (stable addresses: std::map nodes).
  std::map<const Expr *, Query> Queries;
  /// Event call -> existence check it performs.
  std::map<const Expr *, CheckEvent> CheckEvents;
  /// Event call -> keyed read it performs.
  std::map<const Expr *, ReadEvent> ReadEvents;
  /// Queries run inside called functions, per call and summary entry.
  std::map<std::pair<const Expr *, unsigned>, Query> CalleeQueries;
  /// The parent map of F's body, built on first use.
  mutable std::unique_ptr<clang::ParentMap> Parents;

  const Query &queryAt(const Expr *Call, int SqlArg, const std::string *Known);
  void transfer(PathState &S, const CFGElement &E, ActVisitor &V);
  void onCall(PathState &S, const CallExpr *Call, ActVisitor &V);
  void onConstruct(PathState &S, const clang::CXXConstructExpr *Ctor,
                   ActVisitor &V);
  /// The end of an object's lifetime: a transaction object that began a
  /// transaction still open rolls it back.
  void onDestroy(PathState &S, const clang::VarDecl *VD);
  /// A comparison or handler that may handle a unique violation.
  void onUniqueHandling(const PathState &S, const clang::Stmt *St,
                        ActVisitor &V) const;
  /// Collects into From the events whose error the value E reports: the
  /// last query on a connection, a result's query, the calls an exception
  /// came from. Resolved is set when E was traced to a connection, even
  /// if no query ran on it.
  void errorSources(const PathState &S, const Expr *E, unsigned Depth,
                    llvm::SmallVectorImpl<const Expr *> &From,
                    bool &Resolved) const;
  /// BEGIN / COMMIT / ROLLBACK made by an API call rather than by SQL.
  void onTxnCall(PathState &S, const Expr *Call,
                 const catalogue::FunctionRule &Rule);
  /// Applies the summary of a called function with a body.
  void onSummarizedCall(PathState &S, const CallExpr *Call, ActVisitor &V);
  /// Runs the dataflow to its fixpoint (Dataflow.cpp), then hands every act
  /// to V from the converged states. False (and a remark) when the
  /// function was not analysed.
  bool solve(ActVisitor &V);
  /// The solver's view of this analysis (Dataflow.cpp).
  struct EventDomain;
  /// Records which keyed reads the value E stored into VD comes from.
  void taint(PathState &S, const clang::VarDecl *VD, const Expr *E,
             bool Replace) const;
  void runQuery(PathState &S, const Expr *Event, const Query &Q,
                ActVisitor &V);
  void onTransaction(PathState &S, const clang::ValueDecl *Conn,
                     const sql::StatementFacts &St, TxnSite Site);
  /// What a check run now on Q's connection knows of its protection; Locking
  /// when the SELECT itself locks (FOR UPDATE).
  CheckState checkStateNow(const TxnState &T, const Query &Q,
                           bool Locking) const;
  bool isProtected(const TxnState &T, const Handle &H, sql::Dialect D,
                   CheckKind For) const;
  /// The C++ expression bound to placeholder Number of the statement run by
  /// Event, or null.
  const Expr *boundValue(const PathState &S, const Expr *Event,
                         unsigned Number) const;
  const Expr *fullExpressionBind(const Expr *Event, unsigned Number) const;
  /// The outermost expression around E in F's body.
  const Expr *fullExpressionOf(const Expr *E) const;
  /// A prepare call (onto a statement variable) in the full expression of E:
  /// stmt << "SELECT ...", into(x) names its outputs before it runs.
  const Expr *preparedInFullExpression(const Expr *E) const;
  /// Whether VD is read after the call Event in F.
  bool usedAfter(const clang::VarDecl *VD, const Expr *Event) const;
  /// The fix-it of a read-modify-write that binds `<read value> +/-
  /// <change>` for column A: the UPDATE computes the value itself and the
  /// change is bound instead. Empty unless provably equivalent and local.
  std::vector<FixEdit> selfRelativeFix(const PathState &S, const Expr *Event,
                                       const Query &Q, const ReadEvent &R,
                                       const Expr *ReadCall,
                                       const sql::Assignment &A,
                                       const Expr *Value) const;
  /// The state on the edge from block From to its successor SuccIndex: a
  /// branch on a check's outcome or on a value read decides it.
  PathState refine(const PathState &S, const CFGBlock &From,
                   unsigned SuccIndex) const;
  /// The checks and reads whose outcome or values E can depend on in S: a
  /// superset of those ConditionEvaluator can find E to depend on, so that a
  /// branch is evaluated against them only.
  void eventsIn(const Expr *E, const PathState &S,
                llvm::SmallPtrSetImpl<const Expr *> &Found,
                unsigned Depth = 0) const;
  bool enabled(CheckKind K) const {
    return llvm::is_contained(Options.Enabled, K);
  }
};

/// Whether the SELECT reads column Column: an item of its select list
/// names it, alone or in an expression ("t.col", "col AS x", "col + 1"),
/// or is `*`. Any value computed from what it returns may come from the
/// column.
bool readsColumn(const sql::StatementFacts &Select, llvm::StringRef Column,
                 sql::Dialect D);

/// Whether the SELECT returns column Column's value as it is: an item is
/// the column alone ("t.col", "col AS x") or `*`. A rewrite that applies
/// the change to the column's current value needs it: after `SELECT
/// balance + 1`, `balance - <change>` would drop the `+ 1`.
bool returnsColumn(const sql::StatementFacts &Select, llvm::StringRef Column,
                   sql::Dialect D);

/// The first column of a key expression: lower(email) keys email.
std::string baseColumn(llvm::StringRef Key);

} // namespace sqlrace::flow

#endif
