// Clean: the session is opened from a single connect string whose scheme,
// "sqlite3://", names the SQLite backend. The check and the insert run in one
// soci::transaction, and SQLite has one writer at a time, so no other client
// can insert the same API key in between.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

bool storeApiKey(const std::string &KeyHash, int UserId) {
  soci::session Sql("sqlite3://db=keys.db");
  soci::transaction Tr(Sql);
  int Existing = 0;
  Sql << "SELECT COUNT(*) FROM api_keys WHERE key_hash = :k", soci::use(KeyHash), soci::into(Existing);
  if (Existing != 0)
    return false;
  // ok: sqlrace-check-then-insert
  Sql << "INSERT INTO api_keys(key_hash, user_id) VALUES (:k, :u)", soci::use(KeyHash), soci::use(UserId);
  Tr.commit();
  return true;
}
