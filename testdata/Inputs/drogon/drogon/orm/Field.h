//===- drogon/orm/Field.h - sqlrace test input -------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for orm_lib/inc/drogon/orm/Field.h of drogon 1.9.10
// (drogonframework/drogon, tag v1.9.10), which Debian does not ship: the
// public accessors of a field the sqlrace tests use, without bodies.
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>

namespace drogon {
namespace orm {

class Field {
 public:
  bool isNull() const;
  const char *c_str() const;

  template <typename T>
  T as() const;
};

}  // namespace orm
}  // namespace drogon
