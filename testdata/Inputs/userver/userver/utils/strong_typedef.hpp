//===- userver/utils/strong_typedef.hpp - sqlrace test input -----*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for universal/include/userver/utils/strong_typedef.hpp of
// userver 2.0 (userver-framework/userver, tag v2.0), which Debian does not
// ship: the class template and the constructors storages::Query::Name needs;
// the constexpr constructor keeps its upstream body (a used constexpr
// function must be defined).
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TESTDATA_USERVER_UTILS_STRONG_TYPEDEF_HPP
#define SQLRACE_TESTDATA_USERVER_UTILS_STRONG_TYPEDEF_HPP

#include <type_traits>
#include <utility>

namespace userver::utils {

enum class StrongTypedefOps {
  kNoCompare = 0,
  kCompareStrong = 1,
  kCompareTransparentOnly = 2,
  kCompareTransparent = 3,
  kNonLoggable = 4,
};

template <class Tag, class T,
          StrongTypedefOps Ops = StrongTypedefOps::kCompareStrong,
          class /*Enable*/ = void>
class StrongTypedef {
 public:
  StrongTypedef() = default;

  template <typename... Args,
            typename = std::enable_if_t<std::is_constructible_v<T, Args...>>>
  explicit constexpr StrongTypedef(Args&&... args) noexcept(
      noexcept(T(std::forward<Args>(args)...)))
      : data_(std::forward<Args>(args)...) {}

 private:
  T data_{};
};

}  // namespace userver::utils

#endif
