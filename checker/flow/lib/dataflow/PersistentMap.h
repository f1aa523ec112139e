//===- PersistentMap.h - sqlrace ------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// An immutable ordered map with structural sharing, for dataflow states that
// are copied at every CFG block and compared and joined at every merge point.
//
// The map is a treap whose shape is a function of its key set alone: a
// node's priority is a hash of its key (ties broken by the key), so two maps
// with the same keys have the same tree whatever the order of the updates
// that built them. Nodes are reference-counted and never change once built;
// an update copies the O(log n) nodes on one root-to-leaf path and shares the
// rest with the map it came from. Hence:
//   - copying a map is O(1) (one reference-count increment);
//   - lookup, set and erase are O(log n) expected;
//   - operator== and merge walk both trees together and stop at every
//     subtree the two maps share (the same node), so two maps derived from a
//     common ancestor by d updates are compared or merged in O(d log n)
//     rather than O(n). Maps built independently of each other share no
//     node: they are compared correctly but in time proportional to size.
//
// Threads: reference counts are plain integers. A map, and every map that
// shares nodes with it (its copies and everything derived from them), must
// stay on one thread. sqlrace analyses each function on one thread.
//
// No Clang header here: the standard library only.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_PERSISTENTMAP_H
#define SQLRACE_FLOW_PERSISTENTMAP_H

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace sqlrace::flow {

/// Node visits of the recursive operations (merge, ==, keysEqual, split,
/// concatenation), counted only when SQLRACE_PMAP_COUNT_VISITS is defined:
/// tests use it to check complexity without timing anything. The macro must
/// be the same in every translation unit of a program.
struct PersistentMapStats {
  static inline thread_local std::uint64_t NodeVisits = 0;
};

#ifdef SQLRACE_PMAP_COUNT_VISITS
#define SQLRACE_PMAP_VISIT() (++::sqlrace::flow::PersistentMapStats::NodeVisits)
#else
#define SQLRACE_PMAP_VISIT() ((void)0)
#endif

/// What merge does with a key that only one of the two maps has.
enum class OneSided {
  Keep, ///< keep its entry as it is, without calling Combine
  Drop, ///< leave the key out, without calling Combine
  Call  ///< ask Combine, with a null pointer for the map that lacks the key
};

namespace pmap_detail {

/// A bijective 64-bit mixer (the finalizer of the splitmix64 generator):
/// neighbouring keys, such as pointers into one allocation, get unrelated
/// priorities, and distinct keys of 64 bits or fewer never collide.
inline std::uint64_t mix(std::uint64_t X) {
  X ^= X >> 30;
  X *= 0xbf58476d1ce4e5b9ULL;
  X ^= X >> 27;
  X *= 0x94d049bb133111ebULL;
  X ^= X >> 31;
  return X;
}

template <class K> std::uint64_t priorityOf(const K &Key) {
  if constexpr (std::is_pointer_v<K>) {
    return mix(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(Key)));
  } else if constexpr (std::is_enum_v<K>) {
    return mix(static_cast<std::uint64_t>(
        static_cast<std::underlying_type_t<K>>(Key)));
  } else {
    static_assert(std::is_integral_v<K>,
                  "PersistentMap keys are pointers, integers or enums");
    return mix(static_cast<std::uint64_t>(Key));
  }
}

} // namespace pmap_detail

/// An immutable map from K (a pointer, integer or enum type, ordered by
/// std::less) to V (copyable, with operator==). Every "modifying" operation
/// returns a new map and leaves its operands unchanged; a map handle can be
/// reassigned (M = M.set(K, V)).
template <class K, class V> class PersistentMap {
  struct Node;

  /// An owning reference to a node (intrusive count).
  class Ref {
    const Node *P = nullptr;

  public:
    Ref() = default;
    explicit Ref(const Node *N) : P(N) {
      if (P)
        ++P->Refs;
    }
    Ref(const Ref &O) : Ref(O.P) {}
    Ref(Ref &&O) noexcept : P(O.P) { O.P = nullptr; }
    Ref &operator=(Ref O) noexcept {
      std::swap(P, O.P);
      return *this;
    }
    ~Ref() {
      if (P && --P->Refs == 0)
        delete P;
    }
    const Node *get() const { return P; }
    const Node *operator->() const { return P; }
    explicit operator bool() const { return P != nullptr; }
  };

  struct Node {
    mutable std::uint32_t Refs = 0;
    std::uint32_t Count; ///< entries in this subtree
    std::uint64_t Prio;
    Ref Left, Right;
    std::pair<const K, V> Entry;

    Node(std::uint64_t Prio, Ref L, Ref R, const K &Key, V Value)
        : Count(1 + countOf(L.get()) + countOf(R.get())), Prio(Prio),
          Left(std::move(L)), Right(std::move(R)),
          Entry(Key, std::move(Value)) {}
    const K &key() const { return Entry.first; }
    const V &value() const { return Entry.second; }
  };

public:
  using key_type = K;
  using mapped_type = V;
  using value_type = std::pair<const K, V>;

  PersistentMap() = default;

  /// Entries in the map, O(1).
  std::size_t size() const { return countOf(Root.get()); }
  bool empty() const { return !Root; }

  /// The value of Key, or null. The pointer stays valid as long as some map
  /// that holds this entry does.
  const V *lookup(const K &Key) const {
    for (const Node *N = Root.get(); N;) {
      if (less(Key, N->key()))
        N = N->Left.get();
      else if (less(N->key(), Key))
        N = N->Right.get();
      else
        return &N->value();
    }
    return nullptr;
  }
  bool contains(const K &Key) const { return lookup(Key) != nullptr; }

  /// This map with Key mapped to Value. Returns this map itself (same
  /// nodes) when Key already maps to an equal value.
  PersistentMap set(const K &Key, V Value) const {
    return PersistentMap(
        insert(Root.get(), Key, pmap_detail::priorityOf(Key), Value));
  }

  /// This map without Key (itself when Key is absent).
  PersistentMap erase(const K &Key) const {
    return PersistentMap(remove(Root.get(), Key));
  }

  /// This map with Key's value (default-constructed when absent) passed to
  /// Change(V &) and the result stored.
  template <class F> PersistentMap modify(const K &Key, F &&Change) const {
    const V *Old = lookup(Key);
    V Value = Old ? *Old : V();
    std::forward<F>(Change)(Value);
    return set(Key, std::move(Value));
  }

  /// This map with Key's entry replaced by Change(const V *Old) (Old null
  /// when Key is absent), a std::optional<V>: nullopt erases Key.
  template <class F> PersistentMap update(const K &Key, F &&Change) const {
    std::optional<V> New = std::forward<F>(Change)(lookup(Key));
    return New ? set(Key, std::move(*New)) : erase(Key);
  }

  /// Same keys and equal values. O(1) when both share a root or their
  /// sizes differ; otherwise walks only the nodes the two maps do not share,
  /// and stops at the first difference.
  bool operator==(const PersistentMap &O) const {
    return equalTrees</*Values=*/true>(Root.get(), O.Root.get());
  }
  bool operator!=(const PersistentMap &O) const { return !(*this == O); }

  /// Same key sets, values ignored.
  bool keysEqual(const PersistentMap &O) const {
    return equalTrees</*Values=*/false>(Root.get(), O.Root.get());
  }

  /// The two handles hold the very same tree: O(1), and implies ==.
  bool identical(const PersistentMap &O) const {
    return Root.get() == O.Root.get();
  }

  /// The union of A's and B's keys, each mapped to
  /// Combine(const K &, const V *InA, const V *InB) -> std::optional<V>
  /// (InA or InB null for a key in one map only; nullopt leaves the key
  /// out). OnlyInA and OnlyInB say how keys of one map only are treated:
  /// with Keep and Drop their subtrees are taken or left whole, unvisited.
  ///
  /// Merge assumes that Combine(K, &X, &X) == X for every key and value: a
  /// subtree the two maps share is taken as it is, without calling Combine
  /// on its entries. With that, the cost is proportional to the parts of A
  /// and B that are not shared (O(d log n) for maps d updates apart), plus
  /// the one-sided entries passed to Combine under OneSided::Call.
  ///
  /// The result reuses A's or B's nodes wherever it can; when it is equal
  /// to A (or else to B) it is that map itself, so identical() then holds.
  template <class F>
  static PersistentMap merge(const PersistentMap &A, const PersistentMap &B,
                             F &&Combine, OneSided OnlyInA = OneSided::Call,
                             OneSided OnlyInB = OneSided::Call) {
    Merger<std::remove_reference_t<F>> M{Combine, OnlyInA, OnlyInB};
    PersistentMap Result(M.unite(A.Root.get(), B.Root.get()));
    // Hand back an operand rather than an equal copy, so that later
    // comparisons and merges against it stop at the root.
    if (Result.identical(A) || Result.identical(B))
      return Result;
    if (Result == A)
      return A;
    if (Result == B)
      return B;
    return Result;
  }

  /// The keys of both maps: a key of one map only keeps its entry; a key of
  /// both gets Both(const K &, const V &InThis, const V &InOther) -> V.
  /// Both must return X for equal arguments X, X.
  template <class F>
  PersistentMap unionWith(const PersistentMap &O, F &&Both) const {
    auto Combine = [&](const K &Key, const V *Mine,
                       const V *Theirs) -> std::optional<V> {
      return Both(Key, *Mine, *Theirs);
    };
    return merge(*this, O, Combine, OneSided::Keep, OneSided::Keep);
  }

  /// The entries this map and O have in common: same key, equal values.
  PersistentMap intersectWith(const PersistentMap &O) const {
    auto Combine = [](const K &, const V *Mine,
                      const V *Theirs) -> std::optional<V> {
      if (*Mine == *Theirs)
        return *Mine;
      return std::nullopt;
    };
    return merge(*this, O, Combine, OneSided::Drop, OneSided::Drop);
  }

  /// Calls F(const K &, const V &) on every entry in key order.
  template <class F> void forEach(F &&Visit) const {
    walk(Root.get(), Visit);
  }

  /// In-order iteration. An iterator stays valid as long as some map that
  /// holds the nodes it walks does (this map, or a copy of it).
  class const_iterator {
    std::vector<const Node *> Path; ///< the current node is at the back

    void descendLeft(const Node *N) {
      for (; N; N = N->Left.get())
        Path.push_back(N);
    }
    friend class PersistentMap;

  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::pair<const K, V>;
    using difference_type = std::ptrdiff_t;
    using pointer = const value_type *;
    using reference = const value_type &;

    const_iterator() = default;
    reference operator*() const { return Path.back()->Entry; }
    pointer operator->() const { return &Path.back()->Entry; }
    const_iterator &operator++() {
      const Node *N = Path.back();
      Path.pop_back();
      descendLeft(N->Right.get());
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator Old = *this;
      ++*this;
      return Old;
    }
    bool operator==(const const_iterator &O) const {
      if (Path.empty() || O.Path.empty())
        return Path.empty() == O.Path.empty();
      return Path.back() == O.Path.back();
    }
    bool operator!=(const const_iterator &O) const { return !(*this == O); }
  };
  using iterator = const_iterator;

  const_iterator begin() const {
    const_iterator It;
    It.descendLeft(Root.get());
    return It;
  }
  const_iterator end() const { return const_iterator(); }

  /// The treap's invariants (key order, heap order of priorities, counts,
  /// priorities equal to the keys' hashes), for tests. O(n).
  bool checkInvariants() const {
    return checkTree(Root.get(), nullptr, nullptr);
  }

  /// The depth of the tree (0 when empty), for tests. O(n).
  std::size_t depth() const { return depthOf(Root.get()); }

private:
  Ref Root;

  explicit PersistentMap(Ref R) : Root(std::move(R)) {}

  static bool less(const K &A, const K &B) { return std::less<K>()(A, B); }
  static bool same(const K &A, const K &B) { return !less(A, B) && !less(B, A); }
  static std::uint32_t countOf(const Node *N) { return N ? N->Count : 0; }

  /// Whether the entry (PA, KA) belongs above (PB, KB): higher priority
  /// first, the larger key on equal priorities. A strict total order on
  /// distinct keys, so the shape is canonical.
  static bool above(std::uint64_t PA, const K &KA, std::uint64_t PB,
                    const K &KB) {
    return PA != PB ? PA > PB : less(KB, KA);
  }
  static bool above(const Node *A, const Node *B) {
    return above(A->Prio, A->key(), B->Prio, B->key());
  }

  static Ref make(const K &Key, V Value, std::uint64_t Prio, Ref L, Ref R) {
    return Ref(new Node(Prio, std::move(L), std::move(R), Key,
                        std::move(Value)));
  }

  /// N with the children L and R: N itself when they are its own.
  static Ref withChildren(const Node *N, Ref L, Ref R) {
    if (L.get() == N->Left.get() && R.get() == N->Right.get())
      return Ref(N);
    return make(N->key(), N->value(), N->Prio, std::move(L), std::move(R));
  }

  /// The entries of T below Key and above it. Key must not be in T.
  static std::pair<Ref, Ref> split(const Node *T, const K &Key) {
    SQLRACE_PMAP_VISIT();
    if (!T)
      return {};
    assert(!same(Key, T->key()) && "split key present in the tree");
    if (less(Key, T->key())) {
      auto [Lo, Hi] = split(T->Left.get(), Key);
      return {std::move(Lo), withChildren(T, std::move(Hi), T->Right)};
    }
    auto [Lo, Hi] = split(T->Right.get(), Key);
    return {withChildren(T, T->Left, std::move(Lo)), std::move(Hi)};
  }

  /// The union of L and R, every key of L below every key of R.
  static Ref concat(const Node *L, const Node *R) {
    SQLRACE_PMAP_VISIT();
    if (!L)
      return Ref(R);
    if (!R)
      return Ref(L);
    if (above(L, R))
      return withChildren(L, L->Left, concat(L->Right.get(), R));
    return withChildren(R, concat(L, R->Left.get()), R->Right);
  }

  static Ref insert(const Node *T, const K &Key, std::uint64_t Prio, V &Value) {
    if (!T)
      return make(Key, std::move(Value), Prio, Ref(), Ref());
    if (same(Key, T->key())) {
      if (T->value() == Value)
        return Ref(T);
      return make(T->key(), std::move(Value), T->Prio, T->Left, T->Right);
    }
    // Key is not below T (everything below T ranks under it), so it is not
    // in T's subtree: it takes T's place, with T's entries split around it.
    if (above(Prio, Key, T->Prio, T->key())) {
      auto [Lo, Hi] = split(T, Key);
      return make(Key, std::move(Value), Prio, std::move(Lo), std::move(Hi));
    }
    if (less(Key, T->key()))
      return withChildren(T, insert(T->Left.get(), Key, Prio, Value), T->Right);
    return withChildren(T, T->Left, insert(T->Right.get(), Key, Prio, Value));
  }

  static Ref remove(const Node *T, const K &Key) {
    if (!T)
      return Ref();
    if (less(Key, T->key()))
      return withChildren(T, remove(T->Left.get(), Key), T->Right);
    if (less(T->key(), Key))
      return withChildren(T, T->Left, remove(T->Right.get(), Key));
    return concat(T->Left.get(), T->Right.get());
  }

  template <bool Values>
  static bool equalTrees(const Node *A, const Node *B) {
    SQLRACE_PMAP_VISIT();
    if (A == B)
      return true;
    // Equal key sets have equal shapes: any difference in shape, count or
    // key at the same place means different key sets.
    if (!A || !B || A->Count != B->Count || !same(A->key(), B->key()))
      return false;
    if constexpr (Values) {
      if (!(A->value() == B->value()))
        return false;
    }
    return equalTrees<Values>(A->Left.get(), B->Left.get()) &&
           equalTrees<Values>(A->Right.get(), B->Right.get());
  }

  template <class F> struct Merger {
    F &Combine;
    OneSided OnlyInA, OnlyInB;

    /// The value of a key that one map only has (Value, in A if InA).
    std::optional<V> oneSidedValue(const K &Key, const V &Value, bool InA) {
      switch (InA ? OnlyInA : OnlyInB) {
      case OneSided::Keep:
        return Value;
      case OneSided::Drop:
        return std::nullopt;
      case OneSided::Call:
        break;
      }
      return InA ? Combine(Key, &Value, static_cast<const V *>(nullptr))
                 : Combine(Key, static_cast<const V *>(nullptr), &Value);
    }

    /// The entry of Model's key with Value (none: left out) over the
    /// children L and R. Model itself, or OtherModel (a node of the same
    /// key, or null), when it already has that value and those children.
    static Ref assemble(const Node *Model, std::optional<V> &Value, Ref L,
                        Ref R, const Node *OtherModel) {
      if (!Value)
        return concat(L.get(), R.get());
      for (const Node *C : {Model, OtherModel})
        if (C && C->Left.get() == L.get() && C->Right.get() == R.get() &&
            C->value() == *Value)
          return Ref(C);
      return make(Model->key(), std::move(*Value), Model->Prio, std::move(L),
                  std::move(R));
    }

    /// A subtree whose keys are all in one map only.
    Ref oneSided(const Node *T, bool InA) {
      SQLRACE_PMAP_VISIT();
      if (!T)
        return Ref();
      switch (InA ? OnlyInA : OnlyInB) {
      case OneSided::Keep:
        return Ref(T);
      case OneSided::Drop:
        return Ref();
      case OneSided::Call:
        break;
      }
      Ref L = oneSided(T->Left.get(), InA);
      Ref R = oneSided(T->Right.get(), InA);
      std::optional<V> Value = oneSidedValue(T->key(), T->value(), InA);
      return assemble(T, Value, std::move(L), std::move(R), nullptr);
    }

    Ref unite(const Node *A, const Node *B) {
      SQLRACE_PMAP_VISIT();
      if (A == B)
        return Ref(A); // shared: Combine is assumed idempotent
      if (!B)
        return oneSided(A, /*InA=*/true);
      if (!A)
        return oneSided(B, /*InA=*/false);
      if (same(A->key(), B->key())) {
        Ref L = unite(A->Left.get(), B->Left.get());
        Ref R = unite(A->Right.get(), B->Right.get());
        std::optional<V> Value = Combine(A->key(), &A->value(), &B->value());
        return assemble(A, Value, std::move(L), std::move(R), B);
      }
      // The root that ranks higher has a key the other tree lacks (it
      // would rank above that tree's root): split the other tree around it.
      if (above(A, B)) {
        auto [Lo, Hi] = split(B, A->key());
        Ref L = unite(A->Left.get(), Lo.get());
        Ref R = unite(A->Right.get(), Hi.get());
        std::optional<V> Value = oneSidedValue(A->key(), A->value(), true);
        return assemble(A, Value, std::move(L), std::move(R), nullptr);
      }
      auto [Lo, Hi] = split(A, B->key());
      Ref L = unite(Lo.get(), B->Left.get());
      Ref R = unite(Hi.get(), B->Right.get());
      std::optional<V> Value = oneSidedValue(B->key(), B->value(), false);
      return assemble(B, Value, std::move(L), std::move(R), nullptr);
    }
  };

  template <class F> static void walk(const Node *N, F &Visit) {
    for (; N; N = N->Right.get()) {
      walk(N->Left.get(), Visit);
      Visit(N->key(), N->value());
    }
  }

  static bool checkTree(const Node *N, const K *Low, const K *High) {
    if (!N)
      return true;
    if ((Low && !less(*Low, N->key())) || (High && !less(N->key(), *High)))
      return false;
    if (N->Prio != pmap_detail::priorityOf(N->key()) ||
        N->Count != 1 + countOf(N->Left.get()) + countOf(N->Right.get()))
      return false;
    for (const Node *C : {N->Left.get(), N->Right.get()})
      if (C && !above(N, C))
        return false;
    return checkTree(N->Left.get(), Low, &N->key()) &&
           checkTree(N->Right.get(), &N->key(), High);
  }

  static std::size_t depthOf(const Node *N) {
    if (!N)
      return 0;
    return 1 + std::max(depthOf(N->Left.get()), depthOf(N->Right.get()));
  }
};

} // namespace sqlrace::flow

#endif
