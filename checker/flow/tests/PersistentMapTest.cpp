//===- PersistentMapTest.cpp - sqlrace ------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// PersistentMap against std::map on random operations (old versions stay as
// they were), merges with random idempotent Combine policies, the canonical
// shape, memory release, and the cost of == and merge counted in node visits
// (SQLRACE_PMAP_COUNT_VISITS is defined for this target).
//===----------------------------------------------------------------------===//
#include "PersistentMap.h"
#include "gtest/gtest.h"
#include <algorithm>
#include <cstdio>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#ifndef SQLRACE_PMAP_COUNT_VISITS
#error "this test counts node visits: build it with SQLRACE_PMAP_COUNT_VISITS"
#endif

using sqlrace::flow::OneSided;
using sqlrace::flow::PersistentMap;
using sqlrace::flow::PersistentMapStats;

namespace {

template <class K, class V> std::map<K, V> toStd(const PersistentMap<K, V> &M) {
  std::map<K, V> Out;
  for (const auto &[Key, Value] : M)
    Out.emplace(Key, Value);
  return Out;
}

/// M holds exactly Expected, through every way of reading it.
template <class K, class V>
void expectSame(const PersistentMap<K, V> &M, const std::map<K, V> &Expected) {
  ASSERT_TRUE(M.checkInvariants());
  ASSERT_EQ(M.size(), Expected.size());
  ASSERT_EQ(M.empty(), Expected.empty());
  ASSERT_EQ(toStd(M), Expected);
  std::vector<std::pair<K, V>> Walked;
  M.forEach([&](const K &Key, const V &Value) { Walked.emplace_back(Key, Value); });
  ASSERT_EQ(Walked, (std::vector<std::pair<K, V>>(Expected.begin(), Expected.end())));
  for (const auto &[Key, Value] : Expected) {
    const V *Found = M.lookup(Key);
    ASSERT_NE(Found, nullptr);
    ASSERT_EQ(*Found, Value);
  }
}

std::uint64_t visitsOf(const std::function<void()> &Run) {
  PersistentMapStats::NodeVisits = 0;
  Run();
  return PersistentMapStats::NodeVisits;
}

TEST(PersistentMap, Basics) {
  using Map = PersistentMap<int, std::string>;
  Map Empty;
  EXPECT_TRUE(Empty.empty());
  EXPECT_EQ(Empty.size(), 0u);
  EXPECT_EQ(Empty.lookup(3), nullptr);
  EXPECT_EQ(Empty.begin(), Empty.end());

  Map One = Empty.set(3, "three");
  Map Two = One.set(1, "one");
  Map Three = Two.set(2, "two");
  EXPECT_TRUE(Empty.empty()); // operands are unchanged
  EXPECT_EQ(One.size(), 1u);
  EXPECT_EQ(Two.size(), 2u);
  expectSame(Three, {{1, "one"}, {2, "two"}, {3, "three"}});
  EXPECT_EQ(*Three.lookup(2), "two");
  EXPECT_TRUE(Three.contains(1));
  EXPECT_FALSE(Three.contains(4));

  Map Renamed = Three.set(2, "deux");
  expectSame(Renamed, {{1, "one"}, {2, "deux"}, {3, "three"}});
  expectSame(Three, {{1, "one"}, {2, "two"}, {3, "three"}});
  EXPECT_NE(Renamed, Three);
  EXPECT_TRUE(Renamed.keysEqual(Three));

  Map Erased = Three.erase(1);
  expectSame(Erased, {{2, "two"}, {3, "three"}});
  EXPECT_EQ(Three.size(), 3u);
  EXPECT_FALSE(Erased.keysEqual(Three));

  // No-op updates return the very same tree.
  EXPECT_TRUE(Three.set(2, "two").identical(Three));
  EXPECT_TRUE(Three.erase(42).identical(Three));
  EXPECT_TRUE(Empty.erase(42).identical(Empty));

  // Copies are O(1) handles onto the same tree.
  Map Copy = Three;
  EXPECT_TRUE(Copy.identical(Three));
  Copy = Copy.set(9, "nine");
  EXPECT_FALSE(Copy.identical(Three));
  EXPECT_EQ(Three.size(), 3u);

  Map Modified = Three.modify(2, [](std::string &S) { S += "!"; });
  EXPECT_EQ(*Modified.lookup(2), "two!");
  Map Added = Three.modify(7, [](std::string &S) { S = "seven"; });
  EXPECT_EQ(*Added.lookup(7), "seven");
  Map Updated = Three.update(
      2, [](const std::string *Old) -> std::optional<std::string> {
        return std::nullopt;
      });
  EXPECT_FALSE(Updated.contains(2));
  Map Inserted = Three.update(
      5, [](const std::string *Old) -> std::optional<std::string> {
        EXPECT_EQ(Old, nullptr);
        return std::string("five");
      });
  EXPECT_EQ(*Inserted.lookup(5), "five");

  // Iterator protocol.
  auto It = Three.begin();
  EXPECT_EQ(It->first, 1);
  EXPECT_EQ((*It++).second, "one");
  EXPECT_EQ(It->first, 2);
  ++It;
  ++It;
  EXPECT_EQ(It, Three.end());
}

TEST(PersistentMap, ShapeDependsOnKeysOnly) {
  std::mt19937 Rng(7);
  std::vector<int> Keys;
  for (int I = 0; I < 2000; ++I)
    Keys.push_back(static_cast<int>(Rng() % 100000) - 50000);
  PersistentMap<int, int> Forward, Backward, Shuffled;
  for (int K : Keys)
    Forward = Forward.set(K, K);
  for (auto It = Keys.rbegin(); It != Keys.rend(); ++It)
    Backward = Backward.set(*It, *It);
  std::vector<int> Mixed = Keys;
  std::shuffle(Mixed.begin(), Mixed.end(), Rng);
  // Extra keys added and erased again must not leave a trace either.
  for (int K : Mixed)
    Shuffled = Shuffled.set(K, K).set(K + 1000000, 0);
  for (int K : Mixed)
    Shuffled = Shuffled.erase(K + 1000000);
  EXPECT_TRUE(Forward.checkInvariants());
  EXPECT_TRUE(Backward.checkInvariants());
  EXPECT_TRUE(Shuffled.checkInvariants());
  EXPECT_EQ(Forward, Backward);
  EXPECT_EQ(Forward, Shuffled);
  EXPECT_EQ(Forward.depth(), Backward.depth());
  EXPECT_EQ(Forward.depth(), Shuffled.depth());
  // Equal maps built apart share no node: == walks them whole.
  std::uint64_t Visits = visitsOf([&] { EXPECT_TRUE(Forward == Shuffled); });
  EXPECT_GE(Visits, Forward.size());
}

TEST(PersistentMap, BalancedOnSequentialKeys) {
  // Sequential integers and the addresses of an array's elements (aligned,
  // evenly spaced) must still give a tree of logarithmic depth.
  constexpr int N = 100000;
  PersistentMap<int, int> Ints;
  for (int I = 0; I < N; ++I)
    Ints = Ints.set(I, I);
  std::vector<double> Cells(N);
  PersistentMap<const double *, int> Pointers;
  for (int I = 0; I < N; ++I)
    Pointers = Pointers.set(&Cells[I], I);
  std::printf("depth of %d sequential keys: ints %zu, pointers %zu\n", N,
              Ints.depth(), Pointers.depth());
  EXPECT_LT(Ints.depth(), 70u); // a random treap of 1e5 keys: about 40
  EXPECT_LT(Pointers.depth(), 70u);
  EXPECT_TRUE(Pointers.checkInvariants());
  int Next = 0;
  for (const auto &[Key, Value] : Pointers) {
    EXPECT_EQ(Key, &Cells[Next]);
    EXPECT_EQ(Value, Next);
    ++Next;
  }
  EXPECT_EQ(Next, N);
}

TEST(PersistentMap, OtherKeyTypes) {
  enum class Color : unsigned char { Red, Green, Blue };
  PersistentMap<Color, int> ByColor;
  ByColor = ByColor.set(Color::Blue, 3).set(Color::Red, 1);
  EXPECT_EQ(ByColor.begin()->first, Color::Red);
  PersistentMap<long long, int> Signed;
  Signed = Signed.set(-5, 1).set(5, 2).set(-9, 3);
  EXPECT_EQ(Signed.begin()->first, -9);
  EXPECT_TRUE(Signed.checkInvariants());
}

/// Values that count how many of them are alive: every node a map built
/// must be gone once the maps are.
struct Tracked {
  static inline long Live = 0;
  int X = 0;
  Tracked() { ++Live; }
  Tracked(int X) : X(X) { ++Live; }
  Tracked(const Tracked &O) : X(O.X) { ++Live; }
  Tracked &operator=(const Tracked &) = default;
  ~Tracked() { --Live; }
  bool operator==(const Tracked &O) const { return X == O.X; }
};

TEST(PersistentMap, ReleasesEveryNode) {
  ASSERT_EQ(Tracked::Live, 0);
  {
    std::mt19937 Rng(3);
    std::vector<PersistentMap<int, Tracked>> Versions(1);
    for (int Step = 0; Step < 5000; ++Step) {
      const auto &From = Versions[Rng() % Versions.size()];
      int Key = static_cast<int>(Rng() % 300);
      switch (Rng() % 4) {
      case 0:
      case 1:
        Versions.push_back(From.set(Key, Tracked(static_cast<int>(Rng() % 5))));
        break;
      case 2:
        Versions.push_back(From.erase(Key));
        break;
      default:
        Versions.push_back(From.unionWith(
            Versions[Rng() % Versions.size()],
            [](int, const Tracked &A, const Tracked &B) {
              return A.X >= B.X ? A : B;
            }));
      }
      if (Versions.size() > 64)
        Versions.erase(Versions.begin() + Rng() % Versions.size());
    }
    EXPECT_GT(Tracked::Live, 0);
  }
  EXPECT_EQ(Tracked::Live, 0);
}

//===----------------------------------------------------------------------===//
// Random operations against std::map.
//===----------------------------------------------------------------------===//

/// An idempotent way of joining two maps, applied both to PersistentMaps
/// (through merge) and to std::maps (by hand).
struct Policy {
  const char *Name;
  /// For keys in both maps; must give X for (X, X).
  std::optional<int> (*Both)(int Key, int A, int B);
  /// For keys in one map only when asked (OneSided::Call).
  std::optional<int> (*Lone)(int Key, int Value, bool InA);
};

const Policy Policies[] = {
    {"equal-or-drop",
     [](int, int A, int B) -> std::optional<int> {
       return A == B ? std::optional<int>(A) : std::nullopt;
     },
     [](int, int V, bool) -> std::optional<int> { return V; }},
    {"max, lone odd values dropped",
     [](int, int A, int B) -> std::optional<int> { return std::max(A, B); },
     [](int, int V, bool) -> std::optional<int> {
       return V % 2 ? std::nullopt : std::optional<int>(V);
     }},
    {"min, lone values of B doubled",
     [](int, int A, int B) -> std::optional<int> { return std::min(A, B); },
     [](int, int V, bool InA) -> std::optional<int> { return InA ? V : 2 * V; }},
    {"bitwise or",
     [](int, int A, int B) -> std::optional<int> { return A | B; },
     [](int Key, int V, bool) -> std::optional<int> { return V | (Key & 1); }},
    {"by key: max on odd keys, min on even keys, differing multiples of 3 dropped",
     [](int Key, int A, int B) -> std::optional<int> {
       if (A != B && Key % 3 == 0)
         return std::nullopt;
       return Key % 2 ? std::max(A, B) : std::min(A, B);
     },
     [](int Key, int V, bool InA) -> std::optional<int> {
       return (Key + InA) % 2 ? std::optional<int>(V) : std::nullopt;
     }},
};

std::map<int, int> referenceMerge(const std::map<int, int> &A,
                                  const std::map<int, int> &B, const Policy &P,
                                  OneSided OnlyA, OneSided OnlyB) {
  std::map<int, int> Out;
  auto Lone = [&](int Key, int V, bool InA) {
    OneSided How = InA ? OnlyA : OnlyB;
    std::optional<int> R = How == OneSided::Keep   ? std::optional<int>(V)
                           : How == OneSided::Drop ? std::nullopt
                                                   : P.Lone(Key, V, InA);
    if (R)
      Out.emplace(Key, *R);
  };
  for (const auto &[Key, V] : A) {
    auto It = B.find(Key);
    if (It == B.end())
      Lone(Key, V, true);
    else if (std::optional<int> R = P.Both(Key, V, It->second))
      Out.emplace(Key, *R);
  }
  for (const auto &[Key, V] : B)
    if (!A.count(Key))
      Lone(Key, V, false);
  return Out;
}

PersistentMap<int, int> policyMerge(const PersistentMap<int, int> &A,
                                    const PersistentMap<int, int> &B,
                                    const Policy &P, OneSided OnlyA,
                                    OneSided OnlyB) {
  auto Combine = [&](int Key, const int *InA,
                     const int *InB) -> std::optional<int> {
    EXPECT_TRUE(InA || InB);
    if (InA && InB)
      return P.Both(Key, *InA, *InB);
    return P.Lone(Key, InA ? *InA : *InB, InA != nullptr);
  };
  return PersistentMap<int, int>::merge(A, B, Combine, OnlyA, OnlyB);
}

struct Version {
  PersistentMap<int, int> Map;
  std::map<int, int> Mirror;
};

/// Random sets, erases, modifies and merges over a pool of versions that
/// share nodes in every possible way; every result and every older version
/// is checked against its std::map mirror.
void randomRun(unsigned Seed, int KeyRange, int ValueRange, int Steps) {
  std::mt19937 Rng(Seed);
  auto Pick = [&](int N) { return static_cast<int>(Rng() % N); };
  const OneSided Sides[] = {OneSided::Keep, OneSided::Drop, OneSided::Call};
  std::vector<Version> Pool(1);
  int Merges = 0, Compared = 0, FoundEqual = 0;
  for (int Step = 0; Step < Steps; ++Step) {
    const Version &From = Pool[Pick(Pool.size())];
    int Key = Pick(KeyRange) - KeyRange / 4;
    int Value = Pick(ValueRange);
    Version Next;
    switch (Pick(10)) {
    case 0:
    case 1:
    case 2:
    case 3:
      Next.Map = From.Map.set(Key, Value);
      Next.Mirror = From.Mirror;
      Next.Mirror[Key] = Value;
      break;
    case 4:
    case 5:
      Next.Map = From.Map.erase(Key);
      Next.Mirror = From.Mirror;
      Next.Mirror.erase(Key);
      break;
    case 6:
      Next.Map = From.Map.modify(Key, [&](int &V) { V += Value; });
      Next.Mirror = From.Mirror;
      Next.Mirror[Key] += Value;
      break;
    default: {
      const Version &Other = Pool[Pick(Pool.size())];
      const Policy &P = Policies[Pick(std::size(Policies))];
      OneSided OnlyA = Sides[Pick(3)], OnlyB = Sides[Pick(3)];
      Next.Map = policyMerge(From.Map, Other.Map, P, OnlyA, OnlyB);
      Next.Mirror = referenceMerge(From.Mirror, Other.Mirror, P, OnlyA, OnlyB);
      ++Merges;
      // A result equal to an operand is that operand.
      if (Next.Mirror == From.Mirror) {
        ASSERT_TRUE(Next.Map.identical(From.Map)) << P.Name;
      } else if (Next.Mirror == Other.Mirror) {
        ASSERT_TRUE(Next.Map.identical(Other.Map)) << P.Name;
      }
      // Merging a map with itself gives it back untouched.
      ASSERT_TRUE(policyMerge(From.Map, From.Map, P, OnlyA, OnlyA)
                      .identical(From.Map));
      break;
    }
    }
    ASSERT_NO_FATAL_FAILURE(expectSame(Next.Map, Next.Mirror)) << "step " << Step;
    // Equality and key-set equality against a random other version.
    const Version &Other = Pool[Pick(Pool.size())];
    bool Equal = Next.Mirror == Other.Mirror;
    ASSERT_EQ(Next.Map == Other.Map, Equal);
    ASSERT_EQ(Next.Map != Other.Map, !Equal);
    bool SameKeys = Next.Mirror.size() == Other.Mirror.size() &&
                    std::equal(Next.Mirror.begin(), Next.Mirror.end(),
                               Other.Mirror.begin(),
                               [](const auto &L, const auto &R) {
                                 return L.first == R.first;
                               });
    ASSERT_EQ(Next.Map.keysEqual(Other.Map), SameKeys);
    ++Compared;
    FoundEqual += Equal;
    if (Pool.size() < 40)
      Pool.push_back(std::move(Next));
    else
      Pool[Pick(Pool.size())] = std::move(Next);
  }
  // Older versions are still what they were.
  for (const Version &V : Pool)
    ASSERT_NO_FATAL_FAILURE(expectSame(V.Map, V.Mirror));
  EXPECT_GT(Merges, Steps / 5);
  EXPECT_GT(FoundEqual, 0) << "the run never compared two equal maps";
  (void)Compared;
}

TEST(PersistentMap, RandomAgainstStdMapFewKeys) { randomRun(1, 24, 4, 4000); }
TEST(PersistentMap, RandomAgainstStdMapManyKeys) { randomRun(2, 600, 8, 4000); }
TEST(PersistentMap, RandomAgainstStdMapWideValues) {
  randomRun(3, 200, 1000, 3000);
}

TEST(PersistentMap, RandomPointerKeysAgainstStdMap) {
  struct Decl {
    int Id;
  };
  std::vector<Decl> Decls(400);
  std::mt19937 Rng(11);
  PersistentMap<const Decl *, std::set<int>> Map;
  std::map<const Decl *, std::set<int>> Mirror;
  std::vector<std::pair<PersistentMap<const Decl *, std::set<int>>,
                        std::map<const Decl *, std::set<int>>>>
      Saved;
  for (int Step = 0; Step < 4000; ++Step) {
    const Decl *D = &Decls[Rng() % Decls.size()];
    int Read = static_cast<int>(Rng() % 16);
    switch (Rng() % 4) {
    case 0:
    case 1:
      Map = Map.modify(D, [&](std::set<int> &S) { S.insert(Read); });
      Mirror[D].insert(Read);
      break;
    case 2:
      Map = Map.erase(D);
      Mirror.erase(D);
      break;
    default: {
      if (Saved.empty())
        break;
      // Taint-style join: union of the sets, keys of either side kept.
      const auto &[OtherMap, OtherMirror] = Saved[Rng() % Saved.size()];
      Map = Map.unionWith(OtherMap, [](const Decl *, const std::set<int> &A,
                                       const std::set<int> &B) {
        std::set<int> U = A;
        U.insert(B.begin(), B.end());
        return U;
      });
      for (const auto &[Key, Set] : OtherMirror)
        Mirror[Key].insert(Set.begin(), Set.end());
    }
    }
    const std::set<int> *Found = Map.lookup(D);
    ASSERT_EQ(Found != nullptr, Mirror.count(D) != 0);
    if (Found) {
      ASSERT_EQ(*Found, Mirror[D]);
    }
    if (Step % 10 == 0) {
      ASSERT_NO_FATAL_FAILURE(expectSame(Map, Mirror)) << "step " << Step;
    }
    if (Step % 100 == 0)
      Saved.emplace_back(Map, Mirror);
  }
  for (const auto &[SavedMap, SavedMirror] : Saved)
    ASSERT_NO_FATAL_FAILURE(expectSame(SavedMap, SavedMirror));
}

TEST(PersistentMap, IntersectAndUnion) {
  using Map = PersistentMap<int, int>;
  Map A = Map().set(1, 10).set(2, 20).set(3, 30).set(4, 40);
  Map B = Map().set(2, 20).set(3, 31).set(5, 50);
  expectSame(A.intersectWith(B), {{2, 20}});
  expectSame(A.unionWith(B, [](int, int X, int Y) { return std::max(X, Y); }),
             {{1, 10}, {2, 20}, {3, 31}, {4, 40}, {5, 50}});
  EXPECT_TRUE(A.intersectWith(A).identical(A));
  EXPECT_TRUE(A.intersectWith(Map()).empty());
  EXPECT_TRUE(A.unionWith(Map(), [](int, int X, int) { return X; }).identical(A));
  EXPECT_TRUE(Map().unionWith(A, [](int, int X, int) { return X; }).identical(A));
  // A join that adds nothing to A gives A back, even through other nodes.
  Map Sub = A.erase(4).erase(1);
  EXPECT_TRUE(
      A.unionWith(Sub, [](int, int X, int) { return X; }).identical(A));
  EXPECT_TRUE(Sub.intersectWith(A).identical(Sub));
}

//===----------------------------------------------------------------------===//
// Cost: maps that share all but a few entries.
//===----------------------------------------------------------------------===//

struct Pair {
  PersistentMap<int, int> A, B;
  std::map<int, int> MirrorA, MirrorB;
};

/// Two maps of about N entries, both derived from one base map of N
/// entries: A by ChangesPerSide updates, B by as many others (value
/// changes, new keys and erasures, a third of each).
Pair nearlyEqualPair(int N, int ChangesPerSide, unsigned Seed) {
  std::mt19937 Rng(Seed);
  PersistentMap<int, int> Base;
  std::map<int, int> Mirror;
  for (int I = 0; I < N; ++I) {
    Base = Base.set(2 * I, I % 7);
    Mirror[2 * I] = I % 7;
  }
  Pair P{Base, Base, Mirror, Mirror};
  auto Change = [&](PersistentMap<int, int> &M, std::map<int, int> &Mir,
                    int Which) {
    int Key = 2 * static_cast<int>(Rng() % N);
    switch (Which % 3) {
    case 0:
      M = M.set(Key, 100 + Which);
      Mir[Key] = 100 + Which;
      break;
    case 1:
      M = M.set(Key + 1, Which); // odd: a new key
      Mir[Key + 1] = Which;
      break;
    default:
      M = M.erase(Key);
      Mir.erase(Key);
    }
  };
  for (int I = 0; I < ChangesPerSide; ++I) {
    Change(P.A, P.MirrorA, I);
    Change(P.B, P.MirrorB, I + 1);
  }
  return P;
}

TEST(PersistentMap, MergeAndEqualityCostFollowTheDifference) {
  constexpr int N = 100000;
  Pair P = nearlyEqualPair(N, 5, 42); // 10 keys differ (5 on each side)
  ASSERT_TRUE(P.A.checkInvariants());
  ASSERT_TRUE(P.B.checkInvariants());
  std::printf("maps of %zu and %zu entries, depth %zu\n", P.A.size(),
              P.B.size(), P.A.depth());

  // The counts differ here: == and keysEqual answer at the root.
  std::uint64_t Eq = visitsOf([&] { EXPECT_FALSE(P.A == P.B); });
  std::uint64_t KeysEq = visitsOf([&] { EXPECT_FALSE(P.A.keysEqual(P.B)); });
  // Maps of one size that differ in 10 values, the last key's: == must
  // find every difference before the last one.
  std::mt19937 Rng(5);
  std::vector<int> Keys;
  for (const auto &Entry : P.A)
    Keys.push_back(Entry.first);
  std::shuffle(Keys.begin(), Keys.end(), Rng);
  PersistentMap<int, int> Values = P.A;
  for (int I = 0; I < 10; ++I)
    Values = Values.set(Keys[I], *P.A.lookup(Keys[I]) + 1);
  std::uint64_t EqValues = visitsOf([&] { EXPECT_FALSE(P.A == Values); });
  std::uint64_t KeysEqValues =
      visitsOf([&] { EXPECT_TRUE(P.A.keysEqual(Values)); });
  // Maps of one size whose key sets differ in 5 keys on each side.
  PersistentMap<int, int> Swapped = P.A;
  for (int I = 0; I < 5; ++I)
    Swapped = Swapped.erase(Keys[I]).set(Keys[I + 5] | 1, 0);
  ASSERT_EQ(Swapped.size(), P.A.size());
  std::uint64_t EqKeys = visitsOf([&] { EXPECT_FALSE(P.A == Swapped); });
  // An equal map built along another path: A with 10 entries changed and
  // changed back shares all but 10 root-to-leaf paths with A.
  PersistentMap<int, int> Again = Values;
  for (int I = 0; I < 10; ++I)
    Again = Again.set(Keys[I], *P.A.lookup(Keys[I]));
  ASSERT_FALSE(Again.identical(P.A));
  std::uint64_t EqTrue = visitsOf([&] { EXPECT_TRUE(Again == P.A); });

  PersistentMap<int, int> Inter, Union, Merged;
  std::uint64_t InterVisits =
      visitsOf([&] { Inter = P.A.intersectWith(P.B); });
  std::uint64_t UnionVisits = visitsOf([&] {
    Union = P.A.unionWith(P.B, [](int, int X, int Y) { return std::max(X, Y); });
  });
  const Policy &Pol = Policies[4];
  std::uint64_t MergeVisits = visitsOf([&] {
    Merged = policyMerge(P.A, P.B, Pol, OneSided::Call, OneSided::Call);
  });
  // A solver's fixpoint test: the join of the old state and a new one that
  // changed 10 values, compared with the old state.
  PersistentMap<int, int> Joined;
  std::uint64_t JoinVisits = visitsOf([&] {
    Joined = P.A.unionWith(Values, [](int, int X, int Y) { return std::max(X, Y); });
  });
  std::uint64_t JoinedEqOld = visitsOf([&] { EXPECT_FALSE(Joined == P.A); });
  // A join that changes nothing hands back the old state itself.
  PersistentMap<int, int> Unchanged = P.A.unionWith(
      Again, [](int, int X, int Y) { return std::max(X, Y); });
  EXPECT_TRUE(Unchanged.identical(P.A));

  auto Show = [](const char *What, std::uint64_t Visits) {
    std::printf("  %-52s %6llu node visits\n", What, (unsigned long long)Visits);
    EXPECT_LT(Visits, 2000u) << What;
  };
  std::printf("maps of %d entries, 10 keys apart:\n", N);
  Show("== (sizes differ)", Eq);
  Show("keysEqual (sizes differ)", KeysEq);
  Show("== (same keys, 10 values differ)", EqValues);
  Show("keysEqual (same keys, 10 values differ)", KeysEqValues);
  Show("== (same size, 5 keys swapped for others)", EqKeys);
  Show("== (equal, 10 paths rebuilt)", EqTrue);
  Show("intersectWith", InterVisits);
  Show("unionWith", UnionVisits);
  Show("merge (OneSided::Call both sides)", MergeVisits);
  Show("unionWith (10 values differ)", JoinVisits);
  Show("joined == old (10 values differ)", JoinedEqOld);

  // And the results are right.
  expectSame(Inter, referenceMerge(P.MirrorA, P.MirrorB, Policies[0],
                                   OneSided::Drop, OneSided::Drop));
  std::map<int, int> ExpectedUnion = P.MirrorA;
  for (const auto &[K, V] : P.MirrorB)
    ExpectedUnion[K] = std::max(ExpectedUnion.count(K) ? ExpectedUnion[K] : V, V);
  expectSame(Union, ExpectedUnion);
  expectSame(Merged, referenceMerge(P.MirrorA, P.MirrorB, Pol, OneSided::Call,
                                    OneSided::Call));
}

TEST(PersistentMap, CostGrowsWithTheDifferenceNotTheSize) {
  // Same number of differing keys, maps 10 times larger: the visits grow
  // by about the depth's growth, not tenfold.
  auto MergeCost = [](int N) {
    Pair P = nearlyEqualPair(N, 5, 9);
    return visitsOf([&] { (void)P.A.intersectWith(P.B); });
  };
  std::uint64_t Small = MergeCost(10000), Large = MergeCost(100000);
  std::printf("intersectWith visits, 10 keys differ: N=10000 %llu, "
              "N=100000 %llu\n",
              (unsigned long long)Small, (unsigned long long)Large);
  EXPECT_LT(Large, 3 * Small);
}

} // namespace
