//===- userver/storages/postgres/transaction.hpp - sqlrace test input -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for
// postgresql/include/userver/storages/postgres/transaction.hpp of userver 2.0
// (userver-framework/userver, tag v2.0): a transaction handed out by
// Cluster::Begin(), its statements and its end.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_TRANSACTION_HPP
#define SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_TRANSACTION_HPP

#include <userver/storages/postgres/options.hpp>
#include <userver/storages/postgres/query.hpp>
#include <userver/storages/postgres/result_set.hpp>

namespace userver::storages::postgres {

class Transaction {
 public:
  Transaction(Transaction&&) noexcept;
  Transaction& operator=(Transaction&&) noexcept;

  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  ~Transaction();

  template <typename... Args>
  ResultSet Execute(const Query& query, const Args&... args);

  template <typename... Args>
  ResultSet Execute(OptionalCommandControl statement_cmd_ctl,
                    const Query& query, const Args&... args);

  void Commit();
  void Rollback();
};

}  // namespace userver::storages::postgres

#endif
