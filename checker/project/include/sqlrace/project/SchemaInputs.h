//===- SchemaInputs.h - sqlrace -------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The checks on schema paths (--schema, a config's "schema") before the
// schema loads: what is not a schema at all is refused with a line that
// names it, instead of loading as a schema with no keys.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_PROJECT_SCHEMAINPUTS_H
#define SQLRACE_PROJECT_SCHEMAINPUTS_H

#include "sqlrace/sql/Statement.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace sqlrace::project {

/// Checks schema inputs before they load: each file regular, bounded, text
/// (no NUL byte, valid UTF-8) and with at least one DDL statement the SQL
/// layer understands; a directory with at least one such statement across
/// its *.sql files. A directory with no *.sql file at all is only a
/// warning, added to Warnings. Origin prefixes each message ("--schema", or
/// the config file that names the path). A path that does not exist is
/// left to the schema loader, which reports it.
llvm::Error checkSchemaPaths(const std::vector<std::string> &Paths,
                             llvm::StringRef Origin, sql::Dialect D,
                             std::vector<std::string> &Warnings);

} // namespace sqlrace::project

#endif
