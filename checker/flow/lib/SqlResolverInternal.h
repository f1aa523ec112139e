//===- SqlResolverInternal.h - sqlrace ------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The Resolver shared by SqlResolver.cpp and SqlResolverPath.cpp.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_SQLRESOLVERINTERNAL_H
#define SQLRACE_FLOW_SQLRESOLVERINTERNAL_H

#include "SqlVocabulary.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CXXMemberCallExpr;
class CXXOperatorCallExpr;
} // namespace clang

namespace sqlrace::flow {
class StatementRegistries;
} // namespace sqlrace::flow
namespace sqlrace::catalogue {
class Catalogue;
} // namespace sqlrace::catalogue

namespace sqlrace::flow::detail {

/// Rebuilds text from expressions. One instance serves one resolveSqlText
/// call; it caches parent maps and replays, and bounds all work.
class Resolver {
public:
  /// A resolver for expressions of Ctx.
  explicit Resolver(clang::ASTContext &Ctx) : Ctx(Ctx) {}
  /// Statement registries to look names up in; may be null.
  const StatementRegistries *Registries = nullptr;
  /// Rules for statement-text classes; may be null.
  const catalogue::Catalogue *Rules = nullptr;
  /// The registered text of Map[Key], if Map is a registry.
  std::optional<std::string> registered(const clang::Expr *Map,
                                        const clang::Expr *Key, unsigned Depth);
  /// The context the expressions belong to.
  clang::ASTContext &context() const { return Ctx; }

  /// The text of E, with holes; Depth counts indirections taken so far.
  std::string text(const clang::Expr *E, unsigned Depth);
  /// E printed as a value: scalars by Style, everything else as text().
  std::string valueText(const clang::Expr *E, Style S, unsigned Depth);
  /// Starts a new top-level resolution: a fresh budget, nothing bound.
  void startQuery() {
    Budget = InitialBudget;
    Nesting = 0;
    Bindings.clear();
  }
  /// Charges one unit of work; false once the budget is spent.
  bool spend(unsigned Units = 1);
  /// The parent map of a function body, built once.
  const clang::ParentMap &parents(const clang::Stmt *Body);
  /// printf output of call C whose format is argument Format.
  std::string printfText(const clang::CallExpr *C, unsigned Format,
                         unsigned Depth);
  /// The value of an integer constant expression, if E is one.
  std::optional<llvm::APSInt> constantInt(const clang::Expr *E);

  /// While alive, V reads as Text at any use inside Scope (null: anywhere).
  class Binding {
  public:
    /// Binds V; PM is the parent map of the body holding Scope.
    Binding(Resolver &R, const clang::VarDecl *V, const clang::Stmt *Scope,
            const clang::ParentMap *PM, std::string Text);
    /// Unbinds V.
    ~Binding() { R.Bindings.pop_back(); }
    Binding(const Binding &) = delete;
    Binding &operator=(const Binding &) = delete;

  private:
    Resolver &R;
  };

  /// Upper bound on indirections (variables, calls) followed.
  static constexpr unsigned MaxDepth = 16;
  /// Longer text is a hole: no SQL statement is this long, but `S += S` in
  /// straight-line code doubles without end.
  static constexpr size_t MaxText = 1024 * 1024;

private:
  /// A variable read as a fixed text: a parameter or a replayed local.
  struct BoundText {
    const clang::VarDecl *Var;
    const clang::Stmt *Scope;
    const clang::ParentMap *PM;
    std::string Text;
  };

  clang::ASTContext &Ctx;
  /// Units of work left; every expression and scanned node costs one.
  static constexpr unsigned InitialBudget = 200000;
  unsigned Budget = InitialBudget;
  /// Current recursion depth of text(), bounded to protect the stack.
  unsigned Nesting = 0;
  /// Innermost last.
  std::vector<BoundText> Bindings;
  /// Parent maps by function body.
  llvm::DenseMap<const clang::Stmt *, std::unique_ptr<clang::ParentMap>>
      ParentMaps;
  /// Replayed locals by (variable, use).
  llvm::DenseMap<std::pair<const clang::VarDecl *, const clang::Expr *>,
                 std::string>
      Replays;

  /// text() without the size limit.
  std::string unlimited(const clang::Expr *E, unsigned Depth);
  /// The bound text of V at Use, or null.
  const std::string *bound(const clang::VarDecl *V, const clang::Expr *Use);
  /// The text of variable V read at Use.
  std::string variable(const clang::VarDecl *V, const clang::Expr *Use,
                       unsigned Depth);
  /// `+`, `+=`, `=`, `<<`, QStringBuilder's `%`, and called lambdas.
  std::string operatorCall(const clang::CXXOperatorCallExpr *Op,
                           unsigned Depth);
  /// A method: by the vocabulary, else by its body.
  std::string memberCall(const clang::CXXMemberCallExpr *M, unsigned Depth);
  /// A function: by the vocabulary, else by its body.
  std::string call(const clang::CallExpr *C, unsigned Depth);
  /// A call of a vocabulary name; Object is the method's object or null.
  std::string byRule(const NameRule &Rule, const clang::CallExpr *C,
                     const clang::Expr *Object, unsigned Depth);
  /// What FD returns when its body is one return statement, with its
  /// parameters bound to Args.
  std::string returned(const clang::FunctionDecl *FD,
                       llvm::ArrayRef<const clang::Expr *> Args,
                       unsigned Depth);
  /// QString::arg and its relatives.
  std::string qtArg(const clang::CXXMemberCallExpr *M, unsigned Depth);
};

/// The text of the local variable V at Use: its initializer and the
/// modifications that run before Use (SqlResolverPath.cpp).
std::string replayLocal(Resolver &R, const clang::VarDecl *V,
                        const clang::Expr *Use, unsigned Depth);

/// Text of a string literal, wide ones converted to UTF-8, cut at NUL.
std::string literalText(const clang::StringLiteral *SL);

} // namespace sqlrace::flow::detail

#endif
