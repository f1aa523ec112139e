//===- JsonText.cpp - sqlrace -----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "sqlrace/catalogue/JsonText.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Regex.h"
#include <algorithm>

namespace sqlrace::catalogue {

std::string formatLimit(uint64_t Bytes) {
  if (Bytes >= (uint64_t(1) << 30) && Bytes % (uint64_t(1) << 30) == 0)
    return std::to_string(Bytes >> 30) + " GB";
  if (Bytes >= (uint64_t(1) << 20) && Bytes % (uint64_t(1) << 20) == 0)
    return std::to_string(Bytes >> 20) + " MB";
  return std::to_string(Bytes) + " bytes";
}

static const char *kindOf(llvm::sys::fs::file_type T) {
  using llvm::sys::fs::file_type;
  switch (T) {
  case file_type::directory_file:
    return "a directory";
  case file_type::character_file:
    return "a character device";
  case file_type::block_file:
    return "a block device";
  case file_type::fifo_file:
    return "a FIFO";
  case file_type::socket_file:
    return "a socket";
  default:
    return "an unknown kind of file";
  }
}

llvm::Error checkRegularFile(llvm::StringRef Path, uint64_t MaxBytes) {
  llvm::sys::fs::file_status St;
  // status() follows symbolic links: a link to a regular file is fine.
  if (std::error_code EC = llvm::sys::fs::status(Path, St))
    return llvm::createStringError(EC, EC.message());
  if (St.type() != llvm::sys::fs::file_type::regular_file)
    return llvm::createStringError(
        std::make_error_code(std::errc::invalid_argument),
        "not a regular file (%s)", kindOf(St.type()));
  if (St.getSize() > MaxBytes)
    return llvm::createStringError(
        std::make_error_code(std::errc::file_too_large),
        "too large (%llu bytes; the limit is %s)",
        static_cast<unsigned long long>(St.getSize()),
        formatLimit(MaxBytes).c_str());
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readRegularFile(llvm::StringRef Path, uint64_t MaxBytes) {
  if (llvm::Error E = checkRegularFile(Path, MaxBytes))
    return std::move(E);
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   Buffer.getError().message());
  // The file may have grown between the check and the read.
  if ((*Buffer)->getBufferSize() > MaxBytes)
    return llvm::createStringError(
        std::make_error_code(std::errc::file_too_large),
        "too large (the limit is %s)", formatLimit(MaxBytes).c_str());
  return std::move(*Buffer);
}

LineTable::LineTable(llvm::StringRef Text) : Size(Text.size()) {
  Starts.push_back(0);
  for (size_t I = Text.find('\n'); I != llvm::StringRef::npos;
       I = Text.find('\n', I + 1))
    Starts.push_back(I + 1);
}

std::pair<unsigned, unsigned> LineTable::lineColumn(size_t Offset) const {
  Offset = std::min(Offset, Size);
  // The last line start at or before Offset.
  auto It = std::upper_bound(Starts.begin(), Starts.end(), Offset);
  size_t Line = It - Starts.begin();
  return {static_cast<unsigned>(Line),
          static_cast<unsigned>(Offset - *std::prev(It) + 1)};
}

std::pair<unsigned, unsigned> lineColumn(llvm::StringRef Text, size_t Offset) {
  llvm::StringRef Before = Text.take_front(Offset);
  size_t LastBreak = Before.rfind('\n');
  unsigned Line = 1 + Before.count('\n');
  unsigned Col = LastBreak == llvm::StringRef::npos
                     ? Before.size() + 1
                     : Before.size() - LastBreak;
  return {Line, Col};
}

std::optional<size_t> findDeepNesting(llvm::StringRef Text,
                                      unsigned MaxDepth) {
  size_t Depth = 0;
  for (size_t I = 0, N = Text.size(); I < N; ++I) {
    char C = Text[I];
    if (C == '"') {
      // Skip the string; an unterminated one ends the scan.
      for (++I; I < N && Text[I] != '"'; ++I)
        if (Text[I] == '\\')
          ++I;
    } else if (C == '[' || C == '{') {
      if (++Depth > MaxDepth)
        return I;
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
  return std::nullopt;
}

static llvm::Error textError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// "file:line:col: invalid JSON: why" from llvm::json's "[line:col,
/// byte=N]: why" (its column counts from 0 at a line's start: the position
/// is computed again from the byte offset, as for every other message).
static llvm::Error jsonSyntaxError(llvm::StringRef File, llvm::StringRef Text,
                                   llvm::Error E) {
  std::string Message = llvm::toString(std::move(E));
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  size_t Offset = 0;
  if (!llvm::Regex("^\\[[0-9]+:[0-9]+, byte=([0-9]+)\\]: (.*)$")
           .match(Message, &Parts) ||
      Parts[1].getAsInteger(10, Offset))
    return textError(File + ": invalid JSON: " + Message);
  // The offset is just past the offending character (or at the end of a
  // text that ends early, often after a line break: left there).
  if (Offset > 0 && Offset <= Text.size() && !llvm::isSpace(Text[Offset - 1]))
    --Offset;
  auto [Line, Col] = lineColumn(Text, Offset);
  return textError(File + ":" + llvm::Twine(Line) + ":" + llvm::Twine(Col) +
                   ": invalid JSON: " + Parts[2]);
}

llvm::Expected<llvm::json::Value> parseBoundedJson(llvm::StringRef File,
                                                   llvm::StringRef Text) {
  if (std::optional<size_t> Deep = findDeepNesting(Text)) {
    auto [Line, Col] = lineColumn(Text, *Deep);
    return textError(File + ":" + llvm::Twine(Line) + ":" + llvm::Twine(Col) +
                     ": invalid JSON: nested deeper than " +
                     llvm::Twine(MaxJsonDepth) + " levels");
  }
  auto Doc = llvm::json::parse(Text);
  if (!Doc)
    return jsonSyntaxError(File, Text, Doc.takeError());
  return std::move(*Doc);
}

size_t JsonPositions::skipSpace(size_t I) const {
  while (I < Text.size() && llvm::isSpace(Text[I]))
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
  return Text.size();
}

// Past the value that starts at I; a container by its closing bracket.
size_t JsonPositions::skipValue(size_t I) const {
  if (I >= Text.size())
    return I;
  char C = Text[I];
  if (C == '"')
    return skipString(I);
  if (C == '[' || C == '{') {
    if (!Paired) {
      Paired = true;
      std::vector<size_t> Open; // indexes into Brackets
      for (size_t K = 0; K < Text.size(); ++K) {
        char B = Text[K];
        if (B == '"') {
          K = skipString(K) - 1;
        } else if (B == '[' || B == '{') {
          Open.push_back(Brackets.size());
          Brackets.push_back({K, Text.size()}); // unclosed: to the end
        } else if ((B == ']' || B == '}') && !Open.empty()) {
          Brackets[Open.back()].second = K;
          Open.pop_back();
        }
      }
    }
    auto It = llvm::lower_bound(
        Brackets, I, [](const auto &P, size_t At) { return P.first < At; });
    if (It == Brackets.end() || It->first != I)
      return Text.size();
    return std::min(It->second + 1, Text.size());
  }
  // A number, true, false or null.
  while (I < Text.size() && !llvm::isSpace(Text[I]) && Text[I] != ',' &&
         Text[I] != ']' && Text[I] != '}')
    ++I;
  return I;
}

// The text of a JSON string (between its quotes) with its escapes decoded,
// as nlohmann_json reports keys.
static std::string decodeString(llvm::StringRef Raw) {
  std::string Out;
  for (size_t I = 0; I < Raw.size(); ++I) {
    if (Raw[I] != '\\' || I + 1 >= Raw.size()) {
      Out += Raw[I];
      continue;
    }
    char E = Raw[++I];
    switch (E) {
    case 'b': Out += '\b'; break;
    case 'f': Out += '\f'; break;
    case 'n': Out += '\n'; break;
    case 'r': Out += '\r'; break;
    case 't': Out += '\t'; break;
    case 'u': {
      auto Hex = [&](size_t At, unsigned &V) {
        return At + 4 <= Raw.size() &&
               !Raw.substr(At, 4).getAsInteger(16, V);
      };
      unsigned Code = 0;
      if (!Hex(I + 1, Code)) {
        Out += E;
        break;
      }
      I += 4;
      unsigned Low = 0;
      if (Code >= 0xD800 && Code < 0xDC00 && I + 2 < Raw.size() &&
          Raw[I + 1] == '\\' && Raw[I + 2] == 'u' && Hex(I + 3, Low) &&
          Low >= 0xDC00 && Low < 0xE000) {
        Code = 0x10000 + ((Code - 0xD800) << 10) + (Low - 0xDC00);
        I += 6;
      }
      char Buf[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
      char *End = Buf;
      if (llvm::ConvertCodePointToUTF8(Code, End))
        Out.append(Buf, End);
      break;
    }
    default: // '"', '\\', '/'
      Out += E;
    }
  }
  return Out;
}

// One reference token of a JSON pointer, unescaped (RFC 6901).
static std::string pointerToken(llvm::StringRef Token) {
  std::string Out;
  for (size_t I = 0; I < Token.size(); ++I) {
    if (Token[I] == '~' && I + 1 < Token.size() &&
        (Token[I + 1] == '0' || Token[I + 1] == '1')) {
      Out += Token[I + 1] == '0' ? '~' : '/';
      ++I;
    } else {
      Out += Token[I];
    }
  }
  return Out;
}

struct JsonPositions::Members {
  std::vector<size_t> KeyAt, ValueAt; ///< KeyAt is empty for arrays
  llvm::StringMap<size_t> Index;      ///< object key -> its last member
};

JsonPositions::JsonPositions(llvm::StringRef Text) : Text(Text) {}
JsonPositions::~JsonPositions() = default;

const JsonPositions::Members &JsonPositions::members(size_t Container) const {
  std::unique_ptr<Members> &Slot = Listed[Container];
  if (Slot)
    return *Slot;
  auto M = std::make_unique<Members>();
  bool Object = Text[Container] == '{';
  size_t I = skipSpace(Container + 1);
  while (I < Text.size() && Text[I] != ']' && Text[I] != '}') {
    if (Object) {
      if (Text[I] != '"')
        break;
      size_t KeyEnd = skipString(I);
      // nlohmann keeps the last of duplicate keys: so do we.
      M->Index[decodeString(Text.slice(I + 1, std::max(I + 1, KeyEnd - 1)))] =
          M->KeyAt.size();
      M->KeyAt.push_back(I);
      I = skipSpace(KeyEnd);
      if (I < Text.size() && Text[I] == ':')
        I = skipSpace(I + 1);
    }
    M->ValueAt.push_back(I);
    I = skipSpace(skipValue(I));
    if (I >= Text.size() || Text[I] != ',')
      break;
    I = skipSpace(I + 1);
  }
  Slot = std::move(M);
  return *Slot;
}

size_t JsonPositions::offsetOf(llvm::StringRef Pointer, bool Key) const {
  size_t Value = skipSpace(0); // the deepest value found so far
  while (Pointer.consume_front("/")) {
    size_t Slash = Pointer.find('/');
    std::string Token = pointerToken(Pointer.take_front(Slash));
    Pointer = Slash == llvm::StringRef::npos ? "" : Pointer.drop_front(Slash);
    if (Value >= Text.size() || (Text[Value] != '{' && Text[Value] != '['))
      return Value; // a scalar has no members
    const Members &M = members(Value);
    size_t K = 0;
    if (Text[Value] == '{') {
      auto It = M.Index.find(Token);
      if (It == M.Index.end())
        return Value;
      K = It->second;
      if (Pointer.empty() && Key)
        return M.KeyAt[K];
    } else if (llvm::StringRef(Token).getAsInteger(10, K) ||
               K >= M.ValueAt.size()) {
      return Value;
    }
    Value = M.ValueAt[K];
  }
  return Value;
}

std::string JsonPositions::where(llvm::StringRef File, llvm::StringRef Pointer,
                                 bool Key) const {
  if (!Lines)
    Lines = std::make_unique<LineTable>(Text);
  auto [Line, Col] = Lines->lineColumn(offsetOf(Pointer, Key));
  return File.str() + ":" + std::to_string(Line) + ":" + std::to_string(Col);
}

} // namespace sqlrace::catalogue
