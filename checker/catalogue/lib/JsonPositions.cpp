//===- JsonPositions.cpp - sqlrace ------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "JsonPositions.h"
#include <cctype>

namespace sqlrace::catalogue {

std::pair<unsigned, unsigned> lineColumn(llvm::StringRef Text, size_t Offset) {
  unsigned Line = 1, Col = 1;
  for (size_t I = 0; I < Offset && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++Line;
      Col = 1;
    } else {
      ++Col;
    }
  }
  return {Line, Col};
}

JsonPositions::JsonPositions(llvm::StringRef Text) : Text(Text) {
  scanValue(skipSpace(0), "");
}

size_t JsonPositions::skipSpace(size_t I) const {
  while (I < Text.size() && std::isspace(static_cast<unsigned char>(Text[I])))
    ++I;
  return I;
}

size_t JsonPositions::skipString(size_t I) const {
  // I is at the opening quote.
  for (++I; I < Text.size(); ++I) {
    if (Text[I] == '\\')
      ++I;
    else if (Text[I] == '"')
      return I + 1;
  }
  return I;
}

// Escapes a key as RFC 6901 does, so pointers match nlohmann's.
static std::string escapeToken(llvm::StringRef Key) {
  std::string Out;
  for (char C : Key) {
    if (C == '~')
      Out += "~0";
    else if (C == '/')
      Out += "~1";
    else
      Out += C;
  }
  return Out;
}

size_t JsonPositions::scanValue(size_t I, const std::string &Pointer) {
  if (I >= Text.size())
    return I;
  Offsets[Pointer] = I;
  char C = Text[I];
  if (C == '"')
    return skipString(I);
  if (C == '{') {
    I = skipSpace(I + 1);
    while (I < Text.size() && Text[I] != '}') {
      size_t KeyEnd = skipString(I);
      // Keys with escapes are rare in rules; the raw text is close enough.
      std::string Child =
          Pointer + "/" +
          escapeToken(Text.slice(I + 1, KeyEnd > I + 1 ? KeyEnd - 1 : I + 1));
      Offsets[Child + "#key"] = I;
      I = skipSpace(KeyEnd);
      if (I < Text.size() && Text[I] == ':')
        I = skipSpace(I + 1);
      I = skipSpace(scanValue(I, Child));
      if (I < Text.size() && Text[I] == ',')
        I = skipSpace(I + 1);
      else
        break;
    }
    return I + 1;
  }
  if (C == '[') {
    I = skipSpace(I + 1);
    for (unsigned Index = 0; I < Text.size() && Text[I] != ']'; ++Index) {
      I = skipSpace(scanValue(I, Pointer + "/" + std::to_string(Index)));
      if (I < Text.size() && Text[I] == ',')
        I = skipSpace(I + 1);
      else
        break;
    }
    return I + 1;
  }
  // Number, true, false, null.
  while (I < Text.size() && !std::isspace(static_cast<unsigned char>(Text[I])) &&
         Text[I] != ',' && Text[I] != '}' && Text[I] != ']')
    ++I;
  return I;
}

std::string JsonPositions::where(llvm::StringRef File, std::string Pointer,
                                 bool Key) const {
  auto It = Offsets.find(Key ? Pointer + "#key" : Pointer);
  while (It == Offsets.end() && !Pointer.empty()) {
    Pointer.erase(Pointer.rfind('/'));
    It = Offsets.find(Pointer);
  }
  size_t Offset = It == Offsets.end() ? 0 : It->second;
  auto [Line, Col] = lineColumn(Text, Offset);
  return File.str() + ":" + std::to_string(Line) + ":" + std::to_string(Col);
}

} // namespace sqlrace::catalogue
