//===- drogon/orm/Row.h - sqlrace test input ---------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for orm_lib/inc/drogon/orm/Row.h of drogon 1.9.10
// (drogonframework/drogon, tag v1.9.10): field access by index and by name.
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <string>

#include <drogon/orm/Field.h>

namespace drogon {
namespace orm {

class Row {
 public:
  using SizeType = size_t;
  using Reference = Field;

  Reference operator[](SizeType index) const noexcept;
  Reference operator[](int index) const noexcept;
  Reference operator[](const char columnName[]) const;
  Reference operator[](const std::string &columnName) const;

  Reference at(SizeType index) const;
  Reference at(const char columnName[]) const;
  Reference at(const std::string &columnName) const;

  SizeType size() const;

  Row(const Row &r) noexcept = default;
  Row(Row &&) noexcept = default;
  Row &operator=(const Row &) noexcept = default;
};

}  // namespace orm
}  // namespace drogon
