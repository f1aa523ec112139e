//===- drogon/orm/Result.h - sqlrace test input ------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for orm_lib/inc/drogon/orm/Result.h of drogon 1.9.10
// (drogonframework/drogon, tag v1.9.10): row count, row access and the number
// of rows a write changed. empty() keeps its upstream inline body.
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <memory>

#include <drogon/orm/Row.h>

namespace drogon {
namespace orm {

class ResultImpl;
using ResultImplPtr = std::shared_ptr<ResultImpl>;

class Result {
 public:
  explicit Result(ResultImplPtr ptr);

  Result(const Result &r) noexcept = default;
  Result(Result &&) noexcept = default;
  Result &operator=(const Result &r) noexcept;
  Result &operator=(Result &&) noexcept;

  using SizeType = size_t;
  using Reference = Row;
  using size_type = SizeType;

  SizeType size() const noexcept;

  bool empty() const noexcept
  {
      return size() == 0;
  }

  Reference front() const noexcept;
  Reference operator[](SizeType index) const noexcept;
  Reference at(SizeType index) const;

  SizeType affectedRows() const noexcept;
};

}  // namespace orm
}  // namespace drogon
