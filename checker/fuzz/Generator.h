//===- Generator.h - sqlrace fuzzing ----------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// A grammar-based generator of C++ translation units that use the database
// APIs sqlrace has rules for (sqlite3, libpq, libpqxx 6). Every decision is
// drawn from a byte string, so libFuzzer's mutations become program
// mutations; when the bytes run out every choice takes its first, simplest
// alternative, so generation always ends. Programs are meant to compile
// (checked by gen_compile_test.py): only the program's structure varies,
// never whether it is valid C++.
//
// No Clang dependency: the pipeline fuzzer and the sqlrace_gen_cpp tool both
// use it.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FUZZ_GENERATOR_H
#define SQLRACE_FUZZ_GENERATOR_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sqlrace::fuzz {

/// Decisions read from a byte string, little by little.
class Choices {
public:
  Choices(const uint8_t *Data, size_t Size) : Data(Data), Size(Size) {}
  /// A number in [0, N); 0 once the bytes are used up. N must be > 0.
  unsigned below(unsigned N);
  /// True with roughly Percent % probability (false when exhausted).
  bool chance(unsigned Percent) { return !exhausted() && below(100) < Percent; }
  bool exhausted() const { return Pos >= Size; }

private:
  const uint8_t *Data;
  size_t Size;
  size_t Pos = 0;
};

/// The database API a generated program uses.
enum class Api { Sqlite, Libpq, Pqxx };
const char *apiName(Api A);

/// Bounds on how big a program can get; the defaults keep one parse and
/// analysis well under a second apart from the rare huge literal or chain.
struct Limits {
  unsigned MaxFunctions = 6;
  unsigned MaxDepth = 4;
  unsigned MaxStatementsPerBlock = 5;
  /// Largest literal padding and longest '+' chain the generator may pick.
  unsigned MaxLiteralBytes = 200000;
  unsigned MaxConcatPieces = 6000;
  /// Leave out constructs that hit known crashes, to look past them while
  /// they are being fixed: integer constants of 2^63 and more (npos, ~0ull,
  /// unsigned enums, __int128, INT64_MIN) and conversion operators.
  bool AvoidHugeValues = false;
  bool AvoidConversionOperators = false;
};

/// Limits with the Avoid* flags set from SQLRACE_FUZZ_AVOID, a comma-separated
/// list of "huge" and "convop" (unset: nothing avoided).
Limits limitsFromEnvironment();

struct Program {
  Api Which = Api::Sqlite;
  std::string Text;
  /// Compile flags besides the file name (-std=..., include paths).
  std::vector<std::string> Flags;
};

/// The program the bytes describe.
Program generateProgram(const uint8_t *Data, size_t Size,
                        const Limits &L = Limits());

/// Deterministic bytes for a seed (a small xorshift generator), to make
/// programs without libFuzzer (the compile test, sqlrace_gen_cpp).
std::vector<uint8_t> bytesForSeed(uint64_t Seed, size_t Size = 4096);

} // namespace sqlrace::fuzz

#endif
