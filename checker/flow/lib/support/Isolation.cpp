//===- Isolation.cpp - sqlrace ----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Built on llvm::CrashRecoveryContext: its signal handler jumps back to the
// RunSafely() frame of the thread that faulted. Two additions make that
// enough for sqlrace: the handler is made to run on an alternate signal
// stack (a stack overflow leaves no room to run it on the faulting stack),
// and assertion texts are kept so the report can say what failed.
//===----------------------------------------------------------------------===//
#include "sqlrace/flow/Isolation.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/thread.h"
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <atomic>
#include <cassert>
#include <exception>
#include <typeinfo>
#include <unistd.h>
#include <cstring>
#include <vector>
#include <mutex>
#include <optional>

namespace sqlrace::flow {

namespace {

constexpr int RecoveredSignals[] = {SIGABRT, SIGBUS, SIGFPE,
                                    SIGILL,  SIGSEGV, SIGTRAP};

/// One alternate signal stack per thread that runs isolated work, removed
/// when the thread ends.
class AltStack {
public:
  AltStack() {
    // Enough for the recovery handler, which only unwinds with longjmp.
    Size = std::max<size_t>(64 * 1024, MINSIGSTKSZ);
    Memory = static_cast<char *>(std::malloc(Size));
    if (!Memory)
      return;
    stack_t S{};
    S.ss_sp = Memory;
    S.ss_size = Size;
    S.ss_flags = 0;
    // A thread that already has one (set by its owner) keeps it.
    stack_t Old{};
    if (sigaltstack(nullptr, &Old) == 0 && !(Old.ss_flags & SS_DISABLE)) {
      std::free(Memory);
      Memory = nullptr;
      return;
    }
    if (sigaltstack(&S, nullptr) != 0) {
      std::free(Memory);
      Memory = nullptr;
    }
  }
  ~AltStack() {
    if (!Memory)
      return;
    stack_t S{};
    S.ss_flags = SS_DISABLE;
    sigaltstack(&S, nullptr);
    std::free(Memory);
  }

private:
  char *Memory = nullptr;
  size_t Size = 0;
};

thread_local bool ActiveRun = false;
thread_local char FailureDetail[1024];
thread_local LimitScope *CurrentScope = nullptr;

std::string describeSignal(int Signal) {
  switch (Signal) {
  case SIGABRT:
    return "aborted (a failed assertion or an uncaught exception; SIGABRT)";
  case SIGSEGV:
    return "invalid memory access or stack overflow (SIGSEGV)";
  case SIGBUS:
    return "invalid memory access (SIGBUS)";
  case SIGFPE:
    return "arithmetic fault (SIGFPE)";
  case SIGILL:
    return "illegal instruction (SIGILL)";
  case SIGTRAP:
    return "trap (SIGTRAP)";
  default:
    return "signal " + std::to_string(Signal);
  }
}

} // namespace

// std::terminate's handler: an exception nothing caught (sqlrace is built
// without exceptions, but the C++ library throws). Says which one, then
// aborts, which the isolation recovers from. This file is compiled with
// exceptions for the rethrow below.
[[noreturn]] static void onTerminate() {
  std::string What = "uncaught C++ exception";
  if (std::exception_ptr E = std::current_exception()) {
    try {
      std::rethrow_exception(E);
    } catch (const std::exception &X) {
      What += std::string(" (") + typeid(X).name() + "): " + X.what();
    } catch (...) {
    }
  }
  if (!noteFailureDetail(What.c_str())) {
    std::string Line = "sqlrace: " + What + "\n";
    (void)!::write(STDERR_FILENO, Line.data(), Line.size());
  }
  std::abort();
}

void enableIsolation() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    std::set_terminate(onTerminate);
    llvm::CrashRecoveryContext::Enable();
    // CrashRecoveryContext installs its handlers without SA_ONSTACK; add it
    // so that a thread with an alternate stack can recover from overflow.
    for (int Signal : RecoveredSignals) {
      struct sigaction Action;
      if (sigaction(Signal, nullptr, &Action) != 0 ||
          Action.sa_handler == SIG_DFL || Action.sa_handler == SIG_IGN)
        continue;
      Action.sa_flags |= SA_ONSTACK;
      sigaction(Signal, &Action, nullptr);
    }
  });
}

static std::atomic<bool> IsolationOff{false};

void disableIsolation() { IsolationOff = true; }

bool runIsolated(llvm::function_ref<void()> Body, std::string &What) {
  if (IsolationOff) {
    Body();
    return true;
  }
  enableIsolation();
  thread_local AltStack Stack;
  (void)Stack;
  bool WasActive = ActiveRun;
  LimitScope *Scope = CurrentScope;
  ActiveRun = true;
  FailureDetail[0] = '\0';
  llvm::CrashRecoveryContext CRC;
  bool Ok = CRC.RunSafely(Body);
  ActiveRun = WasActive;
  if (Ok)
    return true;
  LimitScope::resetAfterFailure(Scope);
  What = FailureDetail[0] ? std::string(FailureDetail)
                          : describeSignal(CRC.RetCode - 128);
  return false;
}

void runOnBigStack(llvm::function_ref<void()> Body, unsigned StackBytes) {
  llvm::thread Worker(std::optional<unsigned>(StackBytes), [&] { Body(); });
  Worker.join();
}

bool noteFailureDetail(const char *Text) {
  if (!ActiveRun)
    return false;
  std::strncpy(FailureDetail, Text, sizeof(FailureDetail) - 1);
  FailureDetail[sizeof(FailureDetail) - 1] = '\0';
  return true;
}

LimitScope::LimitScope(std::vector<std::string> &Sink)
    : Sink(Sink), Outer(CurrentScope) {
  CurrentScope = this;
}

LimitScope::~LimitScope() { CurrentScope = Outer; }

void LimitScope::resetAfterFailure(LimitScope *Outer) { CurrentScope = Outer; }

LimitScope *LimitScope::current() { return CurrentScope; }

void noteLimit(llvm::StringRef What) {
  LimitScope *S = CurrentScope;
  if (!S)
    return;
  for (const std::string &Known : S->Sink)
    if (Known == What)
      return;
  S->Sink.push_back(What.str());
}

namespace {
// Deep enough to exhaust any stack; the volatile buffer keeps each frame
// large and the call from being turned into a loop.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winfinite-recursion"
[[maybe_unused]] unsigned recurseForever(unsigned N) {
  volatile char Frame[512];
  Frame[N % sizeof(Frame)] = static_cast<char>(N);
  return recurseForever(N + 1) + Frame[(N + 1) % sizeof(Frame)];
}
#pragma GCC diagnostic pop
} // namespace

void crashIfAskedFor(llvm::function_ref<std::string()> Name) {
  static const char *Asked = std::getenv("SQLRACE_DEBUG_CRASH");
  if (!Asked)
    return;
  auto [Kind, Wanted] = llvm::StringRef(Asked).split(':');
  if (Wanted != Name())
    return;
  if (Kind == "assert")
    assert(false && "SQLRACE_DEBUG_CRASH asked for a failed assertion");
  if (Kind == "abort" || Kind == "assert")
    std::abort();
  if (Kind == "segv")
    *static_cast<volatile int *>(nullptr) = 1;
  if (Kind == "overflow")
    (void)recurseForever(0);
  if (Kind == "throw")
    (void)std::vector<int>().at(1);
}

} // namespace sqlrace::flow
