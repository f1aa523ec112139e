//===- userver/storages/postgres/options.hpp - sqlrace test input -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for postgresql/include/userver/storages/postgres/options.hpp
// (and TimeoutDuration from postgres_fwd.hpp) of userver 2.0
// (userver-framework/userver, tag v2.0): isolation levels, transaction
// options and command control, as far as Cluster::Begin needs them.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_OPTIONS_HPP
#define SQLRACE_TESTDATA_USERVER_STORAGES_POSTGRES_OPTIONS_HPP

#include <chrono>
#include <optional>

namespace userver::storages::postgres {

using TimeoutDuration = std::chrono::milliseconds;

enum class IsolationLevel {
  kReadCommitted,
  kRepeatableRead,
  kSerializable,
  kReadUncommitted
};

struct TransactionOptions {
  enum Mode { kReadWrite = 0, kReadOnly = 1, kDeferrable = 3 };
  IsolationLevel isolation_level = IsolationLevel::kReadCommitted;
  Mode mode = kReadWrite;

  constexpr TransactionOptions() = default;
  constexpr explicit TransactionOptions(IsolationLevel lvl)
      : isolation_level{lvl} {}
  constexpr TransactionOptions(IsolationLevel lvl, Mode m)
      : isolation_level{lvl}, mode{m} {}
  constexpr explicit TransactionOptions(Mode m) : mode{m} {}
};

struct CommandControl {
  TimeoutDuration execute{};
  TimeoutDuration statement{};

  constexpr CommandControl(TimeoutDuration execute, TimeoutDuration statement)
      : execute(execute), statement(statement) {}
};

using OptionalCommandControl = std::optional<CommandControl>;

}  // namespace userver::storages::postgres

#endif
