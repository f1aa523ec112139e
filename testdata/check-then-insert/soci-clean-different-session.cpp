// Clean for this check: the COUNT runs on the read replica's session and the
// INSERT on the primary's. The two statements are on different connections,
// so sqlrace does not pair them (it cannot tell they reach the same data).
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

bool addTag(soci::session &Replica, soci::session &Primary, const std::string &Name) {
  int Count = 0;
  Replica << "SELECT COUNT(*) FROM tags WHERE name = :name", soci::use(Name), soci::into(Count);
  if (Count == 0) {
    // ok: sqlrace-check-then-insert
    Primary << "INSERT INTO tags(name) VALUES (:name)", soci::use(Name);
    return true;
  }
  return false;
}
