//===- userver/utils/flags.hpp - sqlrace test input --------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for universal/include/userver/utils/flags.hpp of userver
// 2.0 (userver-framework/userver, tag v2.0), which Debian does not ship: the
// constructors of Flags, which keep their upstream bodies (a used constexpr
// function must be defined). USERVER_NAMESPACE is its default, `userver`.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TESTDATA_USERVER_UTILS_FLAGS_HPP
#define SQLRACE_TESTDATA_USERVER_UTILS_FLAGS_HPP

#include <type_traits>

namespace userver::utils {

template <typename Enum>
class Flags final {
 public:
  using ValueType = std::underlying_type_t<Enum>;

  constexpr Flags() noexcept : Flags(Enum::kNone) {}
  /*implicit*/ constexpr Flags(Enum) noexcept;

 private:
  ValueType value_;
};

template <typename Enum>
constexpr Flags<Enum>::Flags(Enum value) noexcept
    : value_(static_cast<ValueType>(value)) {}

}  // namespace userver::utils

#endif
