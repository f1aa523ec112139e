// The project's own database wrapper: declarations only, as a project
// would see them from another library. sqlrace learns what these functions
// do from .sqlrace.json, not from their bodies.
#pragma once
#include <map>
#include <stdexcept>
#include <string>

namespace app {

class Rows {
public:
  bool empty() const;
  long count() const;
  long number(int Row, int Column) const;
};

struct DuplicateKey : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Db {
public:
  template <typename... Args> Rows query(const std::string &Sql, Args &&...Params);
  template <typename... Args> void run(const std::string &Sql, Args &&...Params);
  void begin();
  void commit();
};

/// Statement registry: names to SQL, filled at start-up.
extern std::map<std::string, std::string> Statements;

} // namespace app

// The project's macro for one-off statements.
#define APP_RUN(db, sql, ...) (db).run(sql, __VA_ARGS__)
