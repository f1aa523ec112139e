//===- Isolation.h - sqlrace ----------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Running one unit of analysis so that an internal failure (an assertion,
// an uncaught exception, a bad memory access, a stack overflow) costs that
// unit only, and limits the analysis hits are recorded, never silent.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_ISOLATION_H
#define SQLRACE_FLOW_ISOLATION_H

#include "llvm/ADT/FunctionExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace sqlrace::flow {

/// Makes fatal signals (SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP)
/// recoverable inside runIsolated(), process-wide, and lets their handler run
/// on an alternate stack so a stack overflow can be recovered from too.
/// Idempotent and thread-safe.
void enableIsolation();

/// For fuzzers and sanitizer runs: runIsolated() then runs its body
/// directly, so a failure reaches the sanitizer or libFuzzer with its own
/// stack trace instead of becoming a remark. Call before any analysis.
void disableIsolation();

/// Runs Body; returns true when it returned normally. When it failed
/// instead, returns false and sets What to a one-line description (the
/// assertion's text when one was recorded with noteFailureDetail(), else the
/// signal). The failed Body's memory is leaked and its destructors do not
/// run: callers must not rely on state Body was changing.
bool runIsolated(llvm::function_ref<void()> Body, std::string &What);

/// Runs Body on a thread of its own with a stack of StackBytes (the caller
/// waits), so deep but legitimate recursion (a 20,000-piece concatenation)
/// does not overflow the caller's stack.
void runOnBigStack(llvm::function_ref<void()> Body, unsigned StackBytes);

/// The stack given to the analysis of a translation unit.
constexpr unsigned AnalysisStackBytes = 512u << 20;

/// Called by an assertion handler just before abort(): the text is reported
/// with the internal error. Async-signal-safe enough for that use (copies
/// into a thread-local buffer). Returns false when no isolated run is active
/// on this thread (the caller then prints the message itself).
bool noteFailureDetail(const char *Text);

/// Records that the analysis of the current function stopped at a limit
/// (What names the limit and its value). A no-op outside a LimitScope.
/// Each distinct limit is recorded once per function.
void noteLimit(llvm::StringRef What);

/// Collects the noteLimit() calls made on this thread while it lives.
class LimitScope {
public:
  explicit LimitScope(std::vector<std::string> &Sink);
  ~LimitScope();
  LimitScope(const LimitScope &) = delete;
  LimitScope &operator=(const LimitScope &) = delete;
  /// After a failed runIsolated() the destructor did not run: forget the
  /// scope that was current then.
  static void resetAfterFailure(LimitScope *Outer);
  static LimitScope *current();

private:
  std::vector<std::string> &Sink;
  LimitScope *Outer;
  friend void noteLimit(llvm::StringRef);
};

/// Test hook, as clang's `#pragma clang __debug crash`: when the
/// environment variable SQLRACE_DEBUG_CRASH is "<kind>:<function>" and
/// Name() returns that name (called only when the variable is set), fails the way kind says: "assert" (a
/// failed assertion), "abort", "segv" (a null write), "overflow" (unbounded
/// recursion), "throw" (an uncaught C++ exception). Used by the tests of the
/// isolation; does nothing otherwise.
void crashIfAskedFor(llvm::function_ref<std::string()> Name);

} // namespace sqlrace::flow

#endif
