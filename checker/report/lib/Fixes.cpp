//===- Fixes.cpp - sqlrace ------------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "sqlrace/report/Fixes.h"
#include "sqlrace/report/FileWrite.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/WithColor.h"
#include <chrono>
#include <cstdlib>
#include <thread>

using llvm::StringRef;

namespace sqlrace::report {

std::string contentHash(StringRef Bytes) {
  return llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(Bytes)),
                     /*LowerCase=*/true);
}

/// The seconds a test hook asks to sleep, 0 when it is not set.
static double hookSeconds(const char *Name) {
  const char *Value = std::getenv(Name);
  if (!Value)
    return 0;
  double Seconds = std::strtod(Value, nullptr);
  return Seconds > 0 ? Seconds : 0;
}

static void pause(llvm::raw_ostream &Errs, double Seconds,
                  const llvm::Twine &What) {
  Errs << "sqlrace: test hook: pausing " << What << "\n";
  Errs.flush();
  std::this_thread::sleep_for(std::chrono::duration<double>(Seconds));
}

FixOutcome &FixOutcome::operator+=(const FixOutcome &Other) {
  Offered += Other.Offered;
  Applied += Other.Applied;
  Failed |= Other.Failed;
  return *this;
}

std::string fixSummary(const FixOutcome &Outcome) {
  return "sqlrace applied " + std::to_string(Outcome.Applied) + " of " +
         std::to_string(Outcome.Offered) + " suggested fix" +
         (Outcome.Offered == 1 ? "" : "es");
}

static bool sameEdit(const Replacement &A, const Replacement &B) {
  return A.Offset == B.Offset && A.Length == B.Length && A.Text == B.Text;
}

FixOutcome applyFixes(llvm::ArrayRef<const Diagnostic *> Diags,
                      const std::map<std::string, std::string> &AnalysedHashes,
                      llvm::raw_ostream &Errs) {
  FixOutcome Out;
  // Grouped by the file of the first edit; a fix that also edits another
  // file is not applied (below).
  std::map<std::string, std::vector<const Diagnostic *>> PerFile;
  for (const Diagnostic *D : Diags)
    if (!D->Fixes.empty()) {
      ++Out.Offered;
      PerFile[D->Fixes.front().File].push_back(D);
    }
  for (const auto &Entry : PerFile) {
    const std::string &File = Entry.first;
    auto Refuse = [&](const llvm::Twine &Why) {
      llvm::WithColor::error(Errs, "sqlrace")
          << Why << "; its fixes were not applied\n";
      Out.Failed = true;
    };
    auto Hash = AnalysedHashes.find(File);
    if (Hash == AnalysedHashes.end()) {
      Refuse("'" + File + "' cannot be matched with the text analysed");
      continue;
    }
    // Which fixes to take is decided on the positions alone; the bytes are
    // those analysed, or nothing is written.
    std::vector<const Replacement *> Taken;
    auto Overlaps = [&](const Replacement &R) {
      for (const Replacement *T : Taken) {
        if (sameEdit(*T, R))
          continue; // the same edit, offered by the same finding seen twice
        if (R.Offset < T->Offset + T->Length && T->Offset < R.Offset + R.Length)
          return true;
        if (R.Offset == T->Offset && (R.Length == 0 || T->Length == 0))
          return true; // two insertions at one place: order unknown
      }
      return false;
    };
    unsigned Chosen = 0;
    for (const Diagnostic *D : Entry.second) {
      if (!llvm::all_of(D->Fixes, [&](const Replacement &R) {
            return R.File == File && !Overlaps(R);
          })) {
        llvm::WithColor::warning(Errs, "sqlrace")
            << "the fix of the finding at " << D->Pos.File << ":"
            << D->Pos.Line << ":" << D->Pos.Column
            << " conflicts with another fix; not applied\n";
        continue;
      }
      for (const Replacement &R : D->Fixes)
        if (llvm::none_of(Taken, [&](const Replacement *T) {
              return sameEdit(*T, R);
            }))
          Taken.push_back(&R);
      ++Chosen;
    }
    if (Chosen == 0)
      continue;
    // From the end, so earlier offsets stay valid.
    llvm::sort(Taken, [](const Replacement *A, const Replacement *B) {
      return A->Offset > B->Offset;
    });
    if (double Seconds = hookSeconds("SQLRACE_TEST_PAUSE_BEFORE_FIX"))
      pause(Errs, Seconds, "before fixing '" + File + "'");
    double InWrite = hookSeconds("SQLRACE_TEST_PAUSE_IN_WRITE");
    bool Changed = false;
    llvm::Error E = rewriteFile(
        File,
        [&](StringRef Current) -> llvm::Expected<std::string> {
          if (contentHash(Current) != Hash->second) {
            Changed = true;
            return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                           "changed");
          }
          std::string Text = Current.str();
          for (const Replacement *R : Taken) {
            if (R->Offset + R->Length > Text.size()) { // cannot happen
              Changed = true;
              return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                             "changed");
            }
            Text.replace(R->Offset, R->Length, R->Text);
          }
          return Text;
        },
        [&](StringRef Temp) {
          if (InWrite > 0)
            pause(Errs, InWrite, "with '" + Temp + "' written");
        });
    if (E) {
      std::string Why = llvm::toString(std::move(E));
      if (Changed)
        Why = "'" + File + "' changed since it was analysed";
      Refuse(Why);
      continue;
    }
    Out.Applied += Chosen;
  }
  return Out;
}

FixOutcome
applyReportedFixes(llvm::ArrayRef<Diagnostic> Diags,
                   const std::map<std::string, std::string> &AnalysedHashes,
                   llvm::raw_ostream &Errs) {
  std::vector<const Diagnostic *> Reported;
  for (const Diagnostic &D : Diags)
    if (D.Suppressed == Suppression::None)
      Reported.push_back(&D);
  return applyFixes(Reported, AnalysedHashes, Errs);
}

} // namespace sqlrace::report
