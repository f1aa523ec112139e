//===- AssertHook.cpp - sqlrace ---------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The CLI's own handler of failed assert()s (sqlrace keeps its assertions,
// and those of the LLVM headers it uses, on in optimised builds). Inside an
// isolated analysis the text is kept for the "internal error" message
// instead of being printed at once; elsewhere it is printed as the C
// library would. Either way the process then aborts, which the isolation
// turns into a failure of one function.
//===----------------------------------------------------------------------===//
#include "sqlrace/flow/Isolation.h"
#include <cassert> // the C library's declaration (noreturn, noexcept)
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

extern "C" void __assert_fail(const char *Assertion,
                                           const char *File, unsigned Line,
                                           const char *Function) noexcept {
  char Text[1024];
  std::snprintf(Text, sizeof(Text), "assertion '%s' failed in %s (%s:%u)",
                Assertion, Function, File, Line);
  if (!sqlrace::flow::noteFailureDetail(Text)) {
    char Printed[1100];
    int N = std::snprintf(Printed, sizeof(Printed), "sqlrace: %s\n", Text);
    if (N > 0)
      (void)!::write(STDERR_FILENO, Printed,
                     static_cast<size_t>(N) < sizeof(Printed)
                         ? static_cast<size_t>(N)
                         : sizeof(Printed) - 1);
  }
  std::abort();
}
