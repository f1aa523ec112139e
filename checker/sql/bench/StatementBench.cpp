//===- StatementBench.cpp - sqlrace ---------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Times analyzeSql on generated statements of growing size (1 KB to 1 MB) in
// four shapes that stress different parts of the parser, and prints the time
// per run and the time per byte normalised to the smallest size: a ratio
// that stays near 1 means linear time. A measurement, not a test; it is not
// registered with ctest. Usage: sqlrace_sql_bench [--max-kb N]
//===----------------------------------------------------------------------===//

#include "sqlrace/sql/Statement.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

using namespace sqlrace::sql;

namespace {

/// A statement shape: builds a text of at least the given size.
struct Shape {
  const char *Name;
  std::function<std::string(size_t)> Build;
  StatementKind Kind; ///< what analyzeSql must find, as a sanity check
};

std::string inList(size_t Size) {
  std::string Sql = "SELECT 1 FROM users WHERE email = $1 AND id IN (0";
  for (int I = 1; Sql.size() < Size; ++I)
    Sql += ", " + std::to_string(I);
  return Sql + ")";
}

std::string andChain(size_t Size) {
  std::string Sql = "SELECT 1 FROM users WHERE k0 = $1";
  for (int I = 1; Sql.size() < Size; ++I)
    Sql += " AND k" + std::to_string(I) + " = $" + std::to_string(I % 9 + 1);
  return Sql;
}

std::string valuesRows(size_t Size) {
  std::string Sql = "INSERT INTO t (a, b, c) VALUES (0, 'x', $1)";
  for (int I = 1; Sql.size() < Size; ++I)
    Sql += ", (" + std::to_string(I) + ", 'x', $1)";
  return Sql;
}

std::string deepParens(size_t Size) {
  const std::string Head = "SELECT 1 FROM t WHERE ", Core = "a = $1";
  size_t Depth = Size > Head.size() + Core.size()
                     ? (Size - Head.size() - Core.size()) / 2
                     : 0;
  return Head + std::string(Depth, '(') + Core + std::string(Depth, ')');
}

using Clock = std::chrono::steady_clock;

/// Seconds per analyzeSql run: the best of 3 batches, each long enough
/// (about 0.1 s) for the clock's resolution not to matter.
double secondsPerRun(const std::string &Sql, size_t &Checksum) {
  auto RunOnce = [&] {
    std::vector<StatementFacts> All = analyzeSql(Sql, Dialect::PostgreSQL);
    Checksum += All.size() + All.front().KeyColumns.size();
  };
  auto Start = Clock::now();
  RunOnce(); // warm-up, and the estimate for the batch size
  double First = std::chrono::duration<double>(Clock::now() - Start).count();
  size_t Reps = std::max<size_t>(1, static_cast<size_t>(0.1 / (First + 1e-9)));
  double Best = First;
  for (int Batch = 0; Batch < 3; ++Batch) {
    Start = Clock::now();
    for (size_t R = 0; R < Reps; ++R)
      RunOnce();
    double T = std::chrono::duration<double>(Clock::now() - Start).count();
    Best = std::min(Best, T / static_cast<double>(Reps));
  }
  return Best;
}

std::string humanTime(double Seconds) {
  char Buf[32];
  if (Seconds < 1e-3)
    std::snprintf(Buf, sizeof(Buf), "%8.1f us", Seconds * 1e6);
  else
    std::snprintf(Buf, sizeof(Buf), "%8.2f ms", Seconds * 1e3);
  return Buf;
}

} // namespace

int main(int Argc, char **Argv) {
  size_t MaxKb = 1024;
  if (Argc == 3 && std::strcmp(Argv[1], "--max-kb") == 0)
    MaxKb = std::strtoul(Argv[2], nullptr, 10);
  else if (Argc != 1) {
    std::fprintf(stderr, "usage: %s [--max-kb N]\n", Argv[0]);
    return 2;
  }
  const Shape Shapes[] = {
      {"IN list", inList, StatementKind::Select},
      {"AND chain", andChain, StatementKind::Select},
      {"VALUES rows", valuesRows, StatementKind::Insert},
      {"parentheses", deepParens, StatementKind::Select},
  };
  size_t Checksum = 0;
  bool Wrong = false;
  std::printf("analyzeSql (PostgreSQL) on one generated statement; ratio = "
              "time per byte / that of the 1 KB text (1.00 = linear)\n\n");
  std::printf("%-12s %10s %12s %10s %7s\n", "shape", "bytes", "time/run",
              "ns/byte", "ratio");
  for (const Shape &S : Shapes) {
    double BaseNsPerByte = 0;
    for (size_t Kb = 1; Kb <= MaxKb; Kb *= 10) {
      // 1, 10, 100, 1000 KB; the last step is a full megabyte.
      size_t Bytes = Kb == 1000 ? 1u << 20 : Kb * 1024;
      std::string Sql = S.Build(Bytes);
      std::vector<StatementFacts> All = analyzeSql(Sql, Dialect::PostgreSQL);
      if (All.size() != 1 || All[0].Kind != S.Kind) {
        std::fprintf(stderr, "%s, %zu bytes: expected one %s statement\n",
                     S.Name, Sql.size(), kindName(S.Kind).str().c_str());
        Wrong = true;
      }
      double Seconds = secondsPerRun(Sql, Checksum);
      double NsPerByte = Seconds * 1e9 / static_cast<double>(Sql.size());
      if (BaseNsPerByte == 0)
        BaseNsPerByte = NsPerByte;
      std::printf("%-12s %10zu %12s %10.2f %7.2f\n", S.Name, Sql.size(),
                  humanTime(Seconds).c_str(), NsPerByte,
                  NsPerByte / BaseNsPerByte);
      std::fflush(stdout);
    }
  }
  std::printf("\n(checksum %zu)\n", Checksum);
  return Wrong ? 1 : 0;
}
