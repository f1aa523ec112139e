//===- SqlRaceTidyModule.cpp - sqlrace --------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The clang-tidy module: `clang-tidy-19 --load=SqlRaceTidyModule.so
// --checks='-*,sqlrace-*' ...`. Registration only; the checks live in
// checker/checks/.
//===----------------------------------------------------------------------===//
#include "SqlRaceChecks.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace sqlrace {
namespace {

class SqlRaceTidyModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    checks::addSqlRaceChecks(Factories);
  }
};

} // namespace
} // namespace sqlrace

// Registry<ClangTidyModule>'s head and add_node are defined in the loading
// clang-tidy binary; the module only adds its node when it is dlopen()ed.
static clang::tidy::ClangTidyModuleRegistry::Add<sqlrace::SqlRaceTidyModule>
    X("sqlrace-module", "Adds sqlrace's check-then-act race checks.");
