//===- userver/storages/postgres/cluster.hpp - sqlrace test input -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for postgresql/include/userver/storages/postgres/cluster.hpp
// (and ClusterPtr from postgres_fwd.hpp) of userver 2.0
// (userver-framework/userver, tag v2.0): statements run on the cluster, and
// transactions begun on it. Like the upstream header, it includes the
// transaction, result set, query, options and host type headers.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_CLUSTER_HPP
#define SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_CLUSTER_HPP

#include <memory>
#include <string>

#include <userver/storages/postgres/cluster_types.hpp>
#include <userver/storages/postgres/options.hpp>
#include <userver/storages/postgres/query.hpp>
#include <userver/storages/postgres/result_set.hpp>
#include <userver/storages/postgres/transaction.hpp>

namespace userver::storages::postgres {

class Cluster {
 public:
  ~Cluster();

  Transaction Begin(const TransactionOptions&, OptionalCommandControl = {});

  Transaction Begin(ClusterHostTypeFlags, const TransactionOptions&,
                    OptionalCommandControl = {});

  template <typename... Args>
  ResultSet Execute(ClusterHostTypeFlags, const Query& query,
                    const Args&... args);

  template <typename... Args>
  ResultSet Execute(ClusterHostTypeFlags, OptionalCommandControl,
                    const Query& query, const Args&... args);
};

using ClusterPtr = std::shared_ptr<Cluster>;

}  // namespace userver::storages::postgres

#endif
