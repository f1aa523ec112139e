//===- LocalTexts.h - sqlrace ---------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The text held by a function's local strings, streams and buffers at each
// point of the function: a forward dataflow over the function's CFG
// (FunctionCfg.h, Solver.h), solved once per function for all its locals.
//
// The lattice, per local variable (a MAY map: a variable enters it at its
// declaration; the paths on which it is not declared cannot read it):
//
//   - a text with holes (sql::HoleChar for each unknown fragment);
//   - "escaped": a pointer or reference that can write the variable later
//     was made (its address taken and kept, a reference bound to it, a
//     lambda capturing it by reference); from then on its text is one hole,
//     on every path that went through that point.
//
// Join of two texts: equal texts stay; different texts keep their longest
// common prefix followed by one hole (a prefix that already ends in a hole
// gets no second one). `if (Legacy) goto run; Q += " ON CONFLICT ..."; run:`
// thus reads as "INSERT ...<hole>" at the label, the same as the equivalent
// `if (!Legacy) Q += ...`. A loop that appends reaches its fixed point in
// two rounds: the prefix before the loop, then a hole. Joins are
// commutative and idempotent; the known prefix only ever shrinks at a join
// point and texts are bounded (Resolver::MaxText), so the lattice has
// finite height.
//
// No other component of the analysis feeds this one (what a string holds
// does not depend on database events), so it is solved first and the event
// dataflow (Dataflow.cpp) reads its results: the same fixed point the
// product of the two lattices would reach, without recomputing texts each
// time an event state changes.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_LOCALTEXTS_H
#define SQLRACE_FLOW_LOCALTEXTS_H

#include "PathState.h"
#include "llvm/ADT/DenseMap.h"
#include <string>
#include <vector>

namespace sqlrace::flow::detail {

/// What the lattice knows about one local variable.
struct TextValue {
  std::string Text;
  bool Escaped = false;
  bool operator==(const TextValue &O) const {
    return Escaped == O.Escaped && Text == O.Text;
  }
};

/// Least upper bound of two texts (see the header comment).
std::string joinTexts(const std::string &A, const std::string &B);

/// The state at one point: every local declared on some path to it.
struct TextState {
  FlowMap<const clang::VarDecl *, TextValue> Vars;
  void join(const TextState &O);
  bool operator==(const TextState &O) const { return Vars == O.Vars; }
};

/// The result for one function: the text each local had where it was read.
struct BodyTexts {
  /// (variable, expression reading it) -> its text there. A reference
  /// bound to a local records the local's text at the reference's uses.
  llvm::DenseMap<std::pair<const clang::VarDecl *, const clang::Expr *>,
                 std::string>
      AtUse;
  /// Limits met while solving (re-noted whenever a text with a hole is
  /// read from this function).
  std::vector<std::string> Limits;
  /// The solver could not finish: every local reads as a hole.
  bool Failed = false;
  /// Being solved (a text of the function needed while solving it).
  bool InProgress = true;
};

} // namespace sqlrace::flow::detail

#endif
