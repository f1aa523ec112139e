//===- userver/utils/flags.hpp - sqlrace test input --------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for universal/include/userver/utils/flags.hpp of userver
// 2.0 (userver-framework/userver, tag v2.0), which Debian does not ship. Only
// the public signatures the sqlrace tests rely on; USERVER_NAMESPACE is its
// default, `userver`.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TESTDATA_USERVER_UTILS_FLAGS_HPP
#define SQLRACE_TESTDATA_USERVER_UTILS_FLAGS_HPP

#include <initializer_list>
#include <type_traits>

namespace userver::utils {

template <typename Enum>
class Flags final {
 public:
  using ValueType = std::underlying_type_t<Enum>;

  constexpr Flags() noexcept;
  /*implicit*/ constexpr Flags(Enum) noexcept;
  constexpr Flags(std::initializer_list<Enum>) noexcept;
};

}  // namespace userver::utils

#endif
