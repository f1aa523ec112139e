//===- drogon/orm/Exception.h - sqlrace test input ---------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for orm_lib/inc/drogon/orm/Exception.h of drogon 1.9.10
// (drogonframework/drogon, tag v1.9.10): the chain from DrogonDbException to
// UniqueViolation. Note that the PostgreSQL backend of 1.9.10
// (orm_lib/src/postgresql_impl/PgConnection.cc, handleFatalError) reports
// every server error as Failure; only the SQLite backend throws
// UniqueViolation.
//===----------------------------------------------------------------------===//
#pragma once

#include <exception>
#include <stdexcept>
#include <string>

namespace drogon {
namespace orm {

class DrogonDbException {
 public:
  virtual ~DrogonDbException() noexcept
  {
  }

  virtual const std::exception &base() const noexcept;
};

class Failure : public DrogonDbException, public std::runtime_error {
 public:
  explicit Failure(const std::string &);
};

class SqlError : public Failure {
 public:
  explicit SqlError(const std::string &msg = "",
                    const std::string &Q = "",
                    const char sqlstate[] = nullptr);
  virtual ~SqlError() noexcept;

  const std::string &query() const noexcept;
  const std::string &sqlState() const noexcept;
  int errcode() const noexcept;
  int extendedErrcode() const noexcept;
};

class IntegrityConstraintViolation : public SqlError {
 public:
  explicit IntegrityConstraintViolation(const std::string &err,
                                        const std::string &Q = "",
                                        const char sqlstate[] = nullptr);
};

class UniqueViolation : public IntegrityConstraintViolation {
 public:
  explicit UniqueViolation(const std::string &err,
                           const std::string &Q = "",
                           const char sqlstate[] = nullptr);
};

}  // namespace orm
}  // namespace drogon
