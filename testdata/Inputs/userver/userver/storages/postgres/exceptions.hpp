//===- userver/storages/postgres/exceptions.hpp - sqlrace test input -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for postgresql/include/userver/storages/postgres/exceptions.hpp
// of userver 2.0 (userver-framework/userver, tag v2.0): the chain from Error
// to UniqueViolation, which the driver throws for SQLSTATE 23505
// (postgresql/src/storages/postgres/message.cpp). ServerError<Base> is reduced
// to its base class and constructor; Message is only declared.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_EXCEPTIONS_HPP
#define SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_EXCEPTIONS_HPP

#include <stdexcept>
#include <string>

namespace userver::storages::postgres {

class Message;

class Error : public std::runtime_error {
  using runtime_error::runtime_error;
};

class RuntimeError : public Error {
  using Error::Error;
};

template <typename Base>
class ServerError : public Base {
 public:
  explicit ServerError(const Message& msg);
};

using ServerRuntimeError = ServerError<RuntimeError>;

class IntegrityConstraintViolation : public ServerRuntimeError {
 public:
  using ServerRuntimeError::ServerRuntimeError;

  std::string GetSchema() const;
  std::string GetTable() const;
  std::string GetConstraint() const;
};

class UniqueViolation : public IntegrityConstraintViolation {
  using IntegrityConstraintViolation::IntegrityConstraintViolation;
};

}  // namespace userver::storages::postgres

#endif
