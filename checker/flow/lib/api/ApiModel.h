//===- ApiModel.h - sqlrace -----------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Connects Clang's AST to the catalogue: which rule a call matches, where its
// arguments are, and which connection an expression designates.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_APIMODEL_H
#define SQLRACE_FLOW_APIMODEL_H

#include "sqlrace/catalogue/Catalogue.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class ASTContext;
class ValueDecl;
} // namespace clang

namespace sqlrace::flow {

/// The database connection an expression designates, as far as it is known.
struct Handle {
  /// The declaration that identifies the connection: a variable, parameter
  /// or a field of `this`. Null when unknown: such handles never pair.
  const clang::ValueDecl *Conn = nullptr;
  /// The expression is a transaction object (whose scope is a transaction).
  bool TxnObject = false;
  /// ...or an object that runs every statement in autocommit.
  bool Autocommit = false;
  /// Isolation level carried by the transaction object's type.
  sql::Isolation Iso = sql::Isolation::Unspecified;
  /// The transaction object itself, when TxnObject: two objects on one
  /// connection are two transactions.
  const clang::ValueDecl *TxnVar = nullptr;
};

class ApiModel {
public:
  ApiModel(clang::ASTContext &Ctx, const catalogue::Catalogue &Rules)
      : Ctx(Ctx), Rules(Rules) {}

  /// The rule matching the callee of a call expression, or null.
  const catalogue::FunctionRule *ruleOf(const clang::Expr *E) const;
  /// An argument of a call by catalogue index (ObjectArg = implicit object).
  const clang::Expr *arg(const clang::Expr *Call, int Index) const;
  /// The connection an expression designates.
  Handle handleOf(const clang::Expr *E) const;
  /// What an initializer makes: a catalogued constructor call itself (a
  /// statement or query object), otherwise what stripWrappers() finds.
  const clang::Expr *made(const clang::Expr *Init) const;
  /// The variable an expression names after stripping casts, `&` and `*`.
  const clang::VarDecl *varOf(const clang::Expr *E) const;
  /// Whether an argument meets a rule's condition: one of its constant
  /// names (macro, enumerator or constant, simple or qualified) or values.
  bool meets(const clang::Expr *Arg, const catalogue::ArgCondition &C) const;
  /// The isolation level the rule's isolation_arg names in a call, if any.
  sql::Isolation isolationArg(const clang::Expr *Call,
                              const catalogue::FunctionRule &Rule) const;

  const catalogue::Catalogue &rules() const { return Rules; }
  clang::ASTContext &context() const { return Ctx; }

private:
  clang::ASTContext &Ctx;
  const catalogue::Catalogue &Rules;
  struct CachedRules {
    const catalogue::FunctionRule *Plain = nullptr;
    llvm::SmallVector<const catalogue::FunctionRule *, 2> Conditional;
  };
  mutable llvm::DenseMap<const clang::FunctionDecl *, CachedRules> RuleCache;
  /// Whether a rule names an argument the function lacks (noted as a misfit).
  bool misfit(const catalogue::FunctionRule &Rule,
              const clang::FunctionDecl *FD) const;
  mutable llvm::DenseMap<const clang::VarDecl *, const clang::Expr *>
      OutHandleCache;
  /// The connection a statement handle was allocated from through an
  /// out-argument in its function, or null.
  const clang::Expr *connectionOfOutHandle(const clang::VarDecl *VD) const;
};

/// Calls F on every call expression under Root, in no particular order,
/// until F returns true.
void forEachCall(const clang::Stmt *Root,
                 llvm::function_ref<bool(const clang::CallExpr *)> F);

/// A smart pointer's operator->, operator* and get() designate what it owns:
/// that owner expression, or null.
const clang::Expr *throughSmartPointer(const clang::Expr *E);

/// Strips parentheses, implicit casts, temporaries and cleanups, and copy or
/// conversion constructors with a single argument.
const clang::Expr *stripWrappers(const clang::Expr *E);

} // namespace sqlrace::flow

#endif
