//===- userver/storages/postgres/result_set.hpp - sqlrace test input -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for
// postgresql/include/userver/storages/postgres/result_set.hpp (with the tags
// of io/row_types.hpp) of userver 2.0 (userver-framework/userver, tag v2.0):
// ResultSet, Row and Field as far as the sqlrace tests use them. Bodies are
// left out, except for AsSingleRow(), whose return type is deduced: it keeps
// the upstream's last statement so that calls to it compile.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_RESULT_SET_HPP
#define SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_RESULT_SET_HPP

#include <cstddef>
#include <string>
#include <type_traits>

namespace userver::storages::postgres {

struct RowTag {};
struct FieldTag {};
inline constexpr RowTag kRowTag{};
inline constexpr FieldTag kFieldTag{};

class Field {
 public:
  using size_type = std::size_t;

  bool IsNull() const;

  template <typename T>
  typename std::decay<T>::type As() const;
};

class Row {
 public:
  using size_type = std::size_t;
  using value_type = Field;
  using reference = Field;

  size_type Size() const;

  reference operator[](size_type index) const;
  reference operator[](const std::string& name) const;

  template <typename T>
  T As(RowTag) const;

  template <typename T>
  T As(FieldTag) const;
};

class ResultSet {
 public:
  using size_type = std::size_t;
  using value_type = Row;
  using reference = value_type;

  size_type Size() const;
  bool IsEmpty() const { return Size() == 0; }

  size_type RowsAffected() const;

  reference Front() const&;
  reference Front() const&& = delete;

  reference operator[](size_type index) const&;
  reference operator[](size_type index) const&& = delete;

  template <typename T>
  auto AsSingleRow() const;
  template <typename T>
  auto AsSingleRow(RowTag) const;
  template <typename T>
  auto AsSingleRow(FieldTag) const;
};

template <typename T>
auto ResultSet::AsSingleRow() const {
  return AsSingleRow<T>(kFieldTag);
}

template <typename T>
auto ResultSet::AsSingleRow(RowTag) const {
  return Front().As<T>(kRowTag);
}

template <typename T>
auto ResultSet::AsSingleRow(FieldTag) const {
  return Front().As<T>(kFieldTag);
}

}  // namespace userver::storages::postgres

#endif
