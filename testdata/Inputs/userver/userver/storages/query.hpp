//===- userver/storages/query.hpp - sqlrace test input -----------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for core/include/userver/storages/query.hpp of userver 2.0
// (userver-framework/userver, tag v2.0), which Debian does not ship: the
// public constructors of storages::Query and its accessors.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TESTDATA_USERVER_STORAGES_QUERY_HPP
#define SQLRACE_TESTDATA_USERVER_STORAGES_QUERY_HPP

#include <optional>
#include <string>

#include <userver/utils/strong_typedef.hpp>

namespace userver::storages {

class Query {
 public:
  using Name =
      userver::utils::StrongTypedef<struct NameTag, std::string>;

  enum class LogMode { kFull, kNameOnly };

  Query() = default;

  Query(const char* statement, std::optional<Name> name = std::nullopt,
        LogMode log_mode = LogMode::kFull);

  Query(std::string statement, std::optional<Name> name = std::nullopt,
        LogMode log_mode = LogMode::kFull);

  const std::optional<Name>& GetName() const;

  const std::string& Statement() const;
};

}  // namespace userver::storages

#endif
