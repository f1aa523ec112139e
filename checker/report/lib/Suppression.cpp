//===- Suppression.cpp - sqlrace --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// NOLINT comments as clang-tidy users write them, so the CLI and the
// clang-tidy plugin silence the same findings. Each file's markers are
// indexed once (NolintIndex); a finding is then answered by a lookup.
//===----------------------------------------------------------------------===//
#include "sqlrace/report/Suppression.h"
#include "sqlrace/report/Diagnostic.h"
#include "clang/Basic/FileEntry.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/GlobPattern.h"
#include <algorithm>
#include <ctime>
#include <memory>
#include <optional>

namespace sqlrace::report {

bool NolintIndex::Checks::matches(llvm::StringRef Check) const {
  if (All)
    return true;
  return llvm::any_of(Globs, [&](const std::string &G) {
    auto Pattern = llvm::GlobPattern::create(G);
    return Pattern && Pattern->match(Check);
  });
}

// Finds Marker in Line as a whole word (NOLINT is a prefix of the others)
// and returns what follows its first such occurrence, or nullopt.
static std::optional<llvm::StringRef> marker(llvm::StringRef Line,
                                             llvm::StringRef Marker) {
  for (size_t At = Line.find(Marker); At != llvm::StringRef::npos;
       At = Line.find(Marker, At + 1)) {
    llvm::StringRef Rest = Line.substr(At + Marker.size());
    if (Rest.empty() || !(llvm::isAlnum(Rest[0]) || Rest[0] == '_'))
      return Rest;
  }
  return std::nullopt;
}

NolintIndex::NolintIndex(llvm::StringRef Text) {
  // The checks a marker names, from what follows it: "(glob, glob)" up to
  // the first ')' (or the end of the line); anything else names every check.
  auto Named = [](llvm::StringRef Rest) {
    Checks C;
    if (!Rest.starts_with("("))
      return C;
    C.All = false;
    llvm::StringRef List = Rest.drop_front().split(')').first;
    llvm::SmallVector<llvm::StringRef, 4> Globs;
    List.split(Globs, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
    for (llvm::StringRef G : Globs)
      C.Globs.push_back(G.trim().str());
    return C;
  };
  static constexpr std::pair<Kind, llvm::StringLiteral> Kinds[] = {
      {Kind::Line, "NOLINT"},
      {Kind::NextLine, "NOLINTNEXTLINE"},
      {Kind::Begin, "NOLINTBEGIN"},
      {Kind::End, "NOLINTEND"}};
  unsigned Line = 0;
  llvm::StringRef Rest = Text;
  while (true) {
    ++Line;
    auto [This, After] = Rest.split('\n');
    // Every marker starts with NOLINT: most lines are passed over by this
    // one search.
    if (This.contains("NOLINT"))
      for (const auto &[K, Word] : Kinds)
        if (std::optional<llvm::StringRef> Tail = marker(This, Word))
          Markers.push_back({Line, K, Named(*Tail)});
    if (This.size() == Rest.size())
      break; // no '\n' left: This was the last line
    Rest = After;
  }
  LineCount = Line;
}

const std::vector<std::pair<unsigned, unsigned>> &
NolintIndex::regionsOf(llvm::StringRef Check) {
  auto [It, New] = OpenRegions.try_emplace(Check);
  if (!New)
    return It->second;
  unsigned Open = 0;
  for (const Marker &M : Markers) {
    // On one line BEGIN is counted before END (Kind's order), so a line with
    // both leaves the count as it was.
    unsigned Before = Open;
    if (M.TheKind == Kind::Begin && M.Names.matches(Check))
      ++Open;
    else if (M.TheKind == Kind::End && Open > 0 && M.Names.matches(Check))
      --Open;
    if (Open != Before) {
      if (!It->second.empty() && It->second.back().first == M.Line)
        It->second.back().second = Open;
      else
        It->second.push_back({M.Line, Open});
    }
  }
  return It->second;
}

bool NolintIndex::suppresses(unsigned Line, llvm::StringRef Check) {
  if (Line == 0 || Line > LineCount)
    return false;
  // The markers on this line and the one before.
  auto From =
      std::lower_bound(Markers.begin(), Markers.end(), Line > 1 ? Line - 1 : 1,
                       [](const Marker &M, unsigned L) { return M.Line < L; });
  for (auto It = From; It != Markers.end() && It->Line <= Line; ++It) {
    if (It->TheKind == Kind::Line && It->Line == Line &&
        It->Names.matches(Check))
      return true;
    if (It->TheKind == Kind::NextLine && It->Line + 1 == Line &&
        It->Names.matches(Check))
      return true;
  }
  // Regions: the count of open ones after the last change above this line.
  const auto &Changes = regionsOf(Check);
  auto After = std::lower_bound(Changes.begin(), Changes.end(), Line,
                                [](const std::pair<unsigned, unsigned> &C,
                                   unsigned L) { return C.first < L; });
  return After != Changes.begin() && std::prev(After)->second > 0;
}

namespace {

/// The indexes of the files of the SourceManager last asked about, on this
/// thread (the CLI analyses each file on one thread, with a SourceManager
/// of its own). The same SourceManager address and FileID may come back
/// later with another file, or with the same file rewritten (--fix), so an
/// entry is used only while the buffer, its name and the file's identity
/// (inode and modification time) are those indexed. Buffers that are not a
/// file on disk have no such identity and are indexed on every call.
struct IndexCache {
  const clang::SourceManager *SM = nullptr;
  struct Entry {
    const char *Data = nullptr;
    size_t Size = 0;
    std::string Name;
    llvm::sys::fs::UniqueID Id;
    time_t Modified = 0;
    std::unique_ptr<NolintIndex> Index;
  };
  llvm::DenseMap<clang::FileID, Entry> Files;
};

} // namespace

bool isSuppressed(const WordedFinding &W, const clang::SourceManager &SM) {
  clang::SourceLocation Loc = SM.getExpansionLoc(W.Loc);
  if (Loc.isInvalid())
    return false;
  clang::FileID File = SM.getFileID(Loc);
  std::optional<llvm::MemoryBufferRef> Buffer = SM.getBufferOrNone(File);
  if (!Buffer)
    return false;
  const unsigned Line = SM.getExpansionLineNumber(Loc);
  clang::OptionalFileEntryRef OnDisk = SM.getFileEntryRefForID(File);
  if (!OnDisk)
    return NolintIndex(Buffer->getBuffer()).suppresses(Line, W.Check);

  thread_local IndexCache Cache;
  if (Cache.SM != &SM) {
    Cache.Files.clear();
    Cache.SM = &SM;
  }
  IndexCache::Entry &E = Cache.Files[File];
  if (!E.Index || E.Data != Buffer->getBufferStart() ||
      E.Size != Buffer->getBufferSize() ||
      E.Name != Buffer->getBufferIdentifier() ||
      E.Id != OnDisk->getUniqueID() ||
      E.Modified != OnDisk->getModificationTime()) {
    E.Data = Buffer->getBufferStart();
    E.Size = Buffer->getBufferSize();
    E.Name = Buffer->getBufferIdentifier().str();
    E.Id = OnDisk->getUniqueID();
    E.Modified = OnDisk->getModificationTime();
    E.Index = std::make_unique<NolintIndex>(Buffer->getBuffer());
  }
  return E.Index->suppresses(Line, W.Check);
}

} // namespace sqlrace::report
