//===- drogon/orm/DbClient.h - sqlrace test input ----------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for orm_lib/inc/drogon/orm/DbClient.h of drogon 1.9.10
// (drogonframework/drogon, tag v1.9.10), which Debian does not ship: the
// synchronous execSqlSync() and newTransaction(), without bodies. The base
// class trantor::NonCopyable and the asynchronous and coroutine interfaces
// are left out. Like the upstream header, it includes Exception.h, Field.h,
// Result.h and Row.h.
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include <drogon/orm/Exception.h>
#include <drogon/orm/Field.h>
#include <drogon/orm/Result.h>
#include <drogon/orm/Row.h>

namespace drogon {
namespace orm {

class Transaction;

class DbClient {
 public:
  virtual ~DbClient();

  static std::shared_ptr<DbClient> newPgClient(const std::string &connInfo,
                                               size_t connNum,
                                               bool autoBatch = false);

  template <typename... Arguments>
  Result execSqlSync(const std::string &sql,
                     Arguments &&...args) noexcept(false);

  virtual std::shared_ptr<Transaction> newTransaction(
      const std::function<void(bool)> &commitCallback =
          std::function<void(bool)>()) noexcept(false) = 0;
};

using DbClientPtr = std::shared_ptr<DbClient>;

class Transaction : public DbClient {
 public:
  virtual void rollback() = 0;
  virtual void setCommitCallback(
      const std::function<void(bool)> &commitCallback) = 0;
};

}  // namespace orm
}  // namespace drogon
