//===- userver/storages/postgres/query.hpp - sqlrace test input --*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for postgresql/include/userver/storages/postgres/query.hpp
// of userver 2.0 (userver-framework/userver, tag v2.0).
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_QUERY_HPP
#define SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_QUERY_HPP

#include <userver/storages/query.hpp>

namespace userver::storages::postgres {

using Query = userver::storages::Query;

}  // namespace userver::storages::postgres

#endif
