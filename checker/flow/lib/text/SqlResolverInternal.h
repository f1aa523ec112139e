//===- SqlResolverInternal.h - sqlrace ------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The Resolver shared by SqlResolver.cpp and LocalTexts.cpp.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_SQLRESOLVERINTERNAL_H
#define SQLRACE_FLOW_SQLRESOLVERINTERNAL_H

#include "SqlVocabulary.h"
#include "clang/AST/Expr.h"
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
class FunctionCfgs;
class StatementRegistries;
} // namespace sqlrace::flow
namespace sqlrace::catalogue {
class Catalogue;
} // namespace sqlrace::catalogue

namespace sqlrace::flow::detail {

struct BodyTexts;
struct TextState;

/// Rebuilds text from expressions. One instance serves one resolveSqlText
/// call or one translation unit (SqlTexts); it keeps the local texts of
/// each function it solved (LocalTexts.cpp), and bounds all work.
class Resolver {
public:
  /// A resolver for expressions of Ctx.
  explicit Resolver(clang::ASTContext &Ctx);
  ~Resolver();
  /// Statement registries to look names up in; may be null.
  const StatementRegistries *Registries = nullptr;
  /// Rules for statement-text classes; may be null.
  const catalogue::Catalogue *Rules = nullptr;
  /// The unit's control-flow graphs; when null, the resolver keeps its own.
  FunctionCfgs *Cfgs = nullptr;
  FunctionCfgs &cfgs();
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
  /// printf output of call C whose format is argument Format.
  std::string printfText(const clang::CallExpr *C, unsigned Format,
                         unsigned Depth);
  /// The value of an integer constant expression, if E is one.
  std::optional<llvm::APSInt> constantInt(const clang::Expr *E);

  /// Upper bound on indirections (variables, calls) followed.
  static constexpr unsigned MaxDepth = 16;
  /// Longer text is a hole: no SQL statement is this long, but `S += S` in
  /// straight-line code doubles without end.
  static constexpr size_t MaxText = 1024 * 1024;

private:
  /// A parameter read as a fixed text (the caller's argument).
  struct BoundText {
    const clang::VarDecl *Var;
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
  /// While the local texts of EnvFunction are being solved: the state at
  /// the element being transferred, where its locals are read.
  const TextState *Env = nullptr;
  const clang::FunctionDecl *EnvFunction = nullptr;
  std::unique_ptr<FunctionCfgs> OwnCfgs;
  /// Local texts by function.
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<BodyTexts>>
      Bodies;
  friend class TextFlow;

  /// text() without the size limit.
  std::string unlimited(const clang::Expr *E, unsigned Depth);
  /// The bound text of parameter V, or null.
  const std::string *bound(const clang::VarDecl *V);
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

/// The text of the local variable V read at Use: what the paths reaching Use
/// put into it (LocalTexts.cpp).
std::string localText(Resolver &R, const clang::VarDecl *V,
                      const clang::Expr *Use);

/// Text of a string literal, wide ones converted to UTF-8, cut at NUL.
std::string literalText(const clang::StringLiteral *SL);

} // namespace sqlrace::flow::detail

#endif
