//===- Inputs.h - sqlrace -------------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The checks on what a run is given, before anything reads it for real:
// source files and the compilation database (schemas and baselines: see
// sqlrace/project/SchemaInputs.h and sqlrace/report/Baseline.h).
// Each problem becomes one line that names the input; none of them can
// crash, block or exhaust memory (docs/reliability.md, "Inputs").
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TOOL_INPUTS_H
#define SQLRACE_TOOL_INPUTS_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sqlrace {

/// The largest source file sqlrace hands to clang.
constexpr uint64_t MaxSourceFileBytes = uint64_t(2) << 30;
/// The largest compile_commands.json read.
constexpr uint64_t MaxCompileDatabaseBytes = uint64_t(1) << 30;

/// Source must be a readable regular file (not /dev/zero, a FIFO or a
/// directory, which clang would read without end or block on) of at most
/// MaxSourceFileBytes. The message says why not, without the path.
llvm::Error checkSourceFile(llvm::StringRef Source);

/// Every compile command the database has for Source runs in a directory
/// that exists (ClangTool ends the whole process when it cannot change into
/// one). The message names the directory, not Source.
llvm::Error checkCompileDirectories(const clang::tooling::CompilationDatabase &DB,
                                    llvm::StringRef Source);

/// Reads a compile_commands.json and checks it as clang's loader would,
/// but entry by entry: a file that is not a regular file, malformed JSON
/// (with line and column), or a document that is not an array is an error;
/// an entry without "file", "directory", or "command"/"arguments" (or with
/// a value of the wrong type) is left out and described in Skipped, one
/// line each. The good entries load as clang loads a database found in a
/// directory (response files expanded, commands inferred for files it
/// does not list).
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompileCommands(llvm::StringRef JsonFile, std::vector<std::string> &Skipped);

/// The compilation database of a run without "--": BuildDir's (-p), or,
/// without it, the nearest one above the first source, as clang-tidy finds
/// them (compile_commands.json, checked as above, or compile_flags.txt).
/// None at all is an error with -p; without -p it is NotFound set and a
/// database with no flags, as clang-tidy runs. Sources empty and no
/// BuildDir: the "no input files" error.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
findCompilations(const std::optional<std::string> &BuildDir,
                 const std::vector<std::string> &Sources,
                 std::vector<std::string> &Skipped, bool &NotFound);

} // namespace sqlrace

#endif
