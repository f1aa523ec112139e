//===- GenMain.cpp - sqlrace fuzzing --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// sqlrace_gen_cpp: writes the program the generator makes from a seed or
// from a fuzzer input, and prints its compile flags on stdout (one line).
//   sqlrace_gen_cpp --seed N OUT.cpp
//   sqlrace_gen_cpp --bytes CRASH-FILE OUT.cpp   (replay a fuzzer input)
// SQLRACE_FUZZ_AVOID=huge,convop leaves out known crashes (Generator.h).
//===----------------------------------------------------------------------===//
#include "Generator.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

using namespace sqlrace::fuzz;

int main(int argc, char **argv) {
  if (argc != 4 || (std::strcmp(argv[1], "--seed") != 0 &&
                    std::strcmp(argv[1], "--bytes") != 0)) {
    std::fprintf(stderr, "usage: %s --seed N | --bytes FILE  OUT.cpp\n",
                 argv[0]);
    return 2;
  }
  std::vector<uint8_t> Bytes;
  if (std::strcmp(argv[1], "--seed") == 0) {
    Bytes = bytesForSeed(std::strtoull(argv[2], nullptr, 10));
  } else {
    std::ifstream In(argv[2], std::ios::binary);
    if (!In) {
      std::fprintf(stderr, "cannot read %s\n", argv[2]);
      return 2;
    }
    Bytes.assign(std::istreambuf_iterator<char>(In),
                 std::istreambuf_iterator<char>());
  }
  Program P =
      generateProgram(Bytes.data(), Bytes.size(), limitsFromEnvironment());
  std::ofstream Out(argv[3], std::ios::binary);
  Out << P.Text;
  if (!Out) {
    std::fprintf(stderr, "cannot write %s\n", argv[3]);
    return 2;
  }
  for (size_t I = 0; I < P.Flags.size(); ++I)
    std::printf("%s%s", I ? " " : "", P.Flags[I].c_str());
  std::printf("\n");
  return 0;
}
