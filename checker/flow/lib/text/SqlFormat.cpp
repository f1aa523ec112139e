//===- SqlFormat.cpp - sqlrace --------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The three format languages SQL is commonly built with (printf, {}-format,
// QString's %N), applied to text that may already contain holes.
//===----------------------------------------------------------------------===//
#include "SqlResolverInternal.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <optional>

namespace sqlrace::flow::detail {

static bool isDigit(char C) { return C >= '0' && C <= '9'; }

std::string expandPrintf(llvm::StringRef Format, PrintfArg Arg) {
  std::string Out;
  unsigned Next = 0; // the next vararg a conversion consumes
  size_t I = 0;
  while (I < Format.size()) {
    char C = Format[I++];
    if (C != '%') {
      Out += C;
      continue;
    }
    if (I < Format.size() && Format[I] == '%') {
      Out += '%';
      ++I;
      continue;
    }
    // Flags, width and precision change padding or truncate: the text is
    // then not the argument's, so such conversions become holes. A `*`
    // takes an argument of its own.
    bool Plain = true;
    while (I < Format.size() && llvm::StringRef("-+ #0'").contains(Format[I])) {
      Plain = false;
      ++I;
    }
    auto Field = [&] {
      if (I < Format.size() && Format[I] == '*') {
        ++Next;
        ++I;
        Plain = false;
      }
      while (I < Format.size() && isDigit(Format[I])) {
        Plain = false;
        ++I;
      }
    };
    Field();
    if (I < Format.size() && Format[I] == '.') {
      Plain = false;
      ++I;
      Field();
    }
    while (I < Format.size() && llvm::StringRef("hljztLq").contains(Format[I]))
      ++I;
    if (I >= Format.size()) {
      Out += hole(); // a format cut short: printf's behaviour is undefined
      break;
    }
    char Conv = Format[I++];
    if (Conv == sql::HoleChar) {
      Out += hole(); // the conversion itself is unknown
      continue;
    }
    if (Conv == 'n')
      continue; // writes a count, prints nothing
    unsigned Index = Next++;
    bool Inlined = Plain && llvm::StringRef("sdiuc").contains(Conv);
    Out += Inlined ? Arg(Index, Conv) : hole();
  }
  return Out;
}

std::string expandBraces(llvm::StringRef Format,
                         llvm::function_ref<std::string(unsigned)> Arg) {
  std::string Out;
  unsigned Auto = 0;
  size_t I = 0;
  while (I < Format.size()) {
    char C = Format[I++];
    if (C == '}') {
      if (I < Format.size() && Format[I] == '}')
        ++I;
      Out += '}';
      continue;
    }
    if (C != '{') {
      Out += C;
      continue;
    }
    if (I < Format.size() && Format[I] == '{') {
      Out += '{';
      ++I;
      continue;
    }
    // A replacement field, up to its matching '}' (a nested {} is a dynamic
    // width or precision, which also takes an argument).
    size_t Start = I;
    unsigned Open = 1, Nested = 0;
    while (I < Format.size() && Open) {
      if (Format[I] == '{') {
        ++Open;
        ++Nested;
      } else if (Format[I] == '}') {
        --Open;
      }
      ++I;
    }
    if (Open) {
      Out += hole(); // unterminated: a compile error in the real library
      break;
    }
    llvm::StringRef Field = Format.slice(Start, I - 1);
    auto [Id, Spec] = Field.split(':');
    bool HasSpec = Field.contains(':');
    std::optional<unsigned> Index;
    if (Id.empty())
      Index = Auto++;
    else if (unsigned N; !Id.getAsInteger(10, N))
      Index = N;
    Auto += Nested;
    // Only an empty spec or a bare presentation type keeps the value's own
    // text; padding, precision and named arguments become holes.
    bool Plain = !HasSpec || Spec.empty() || Spec == "s" || Spec == "d";
    Out += Index && Plain && !Nested ? Arg(*Index) : hole();
  }
  return Out;
}

namespace {
struct Marker {
  size_t Begin, End; // the span of "%N" or "%LN"
  unsigned Number;
};
} // namespace

std::string expandQtArg(llvm::StringRef Text,
                        llvm::ArrayRef<std::string> Args) {
  if (Args.empty())
    return Text.str();
  // Qt reads %N and %LN with one or two digits.
  llvm::SmallVector<Marker, 8> Markers;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] != '%')
      continue;
    size_t J = I + 1;
    if (J < Text.size() && Text[J] == 'L')
      ++J;
    if (J >= Text.size() || !isDigit(Text[J]))
      continue;
    unsigned N = Text[J++] - '0';
    if (J < Text.size() && isDigit(Text[J]))
      N = N * 10 + (Text[J++] - '0');
    Markers.push_back({I, J, N});
    I = J - 1;
  }
  llvm::SmallVector<unsigned, 8> Numbers;
  for (const Marker &M : Markers)
    Numbers.push_back(M.Number);
  llvm::sort(Numbers);
  Numbers.erase(std::unique(Numbers.begin(), Numbers.end()), Numbers.end());
  // The i-th lowest number takes argument i; higher ones stay for a later
  // arg() call.
  std::string Out;
  size_t Pos = 0;
  for (const Marker &M : Markers) {
    auto It = llvm::find(Numbers, M.Number);
    size_t Rank = It - Numbers.begin();
    if (Rank >= Args.size())
      continue;
    Out += Text.slice(Pos, M.Begin);
    Out += Args[Rank];
    Pos = M.End;
  }
  Out += Text.substr(Pos);
  return Out;
}

} // namespace sqlrace::flow::detail
