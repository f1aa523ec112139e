//===- userver/storages/postgres/cluster_types.hpp - sqlrace test input -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for
// postgresql/include/userver/storages/postgres/cluster_types.hpp of userver
// 2.0 (userver-framework/userver, tag v2.0): the host types a query is sent
// to.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_CLUSTER_TYPES_HPP
#define SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_CLUSTER_TYPES_HPP

#include <userver/utils/flags.hpp>

namespace userver::storages::postgres {

enum class ClusterHostType {
  kNone = 0x00,
  kMaster = 0x01,
  kSyncSlave = 0x02,
  kSlave = 0x04,
  kSlaveOrMaster = kMaster | kSlave,
  kRoundRobin = 0x08,
  kNearest = 0x10,
};

using ClusterHostTypeFlags = userver::utils::Flags<ClusterHostType>;

}  // namespace userver::storages::postgres

#endif
