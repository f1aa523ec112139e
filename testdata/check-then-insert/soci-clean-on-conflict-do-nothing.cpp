// Clean: the COUNT only decides whether to try, and the INSERT itself is
// INSERT ... ON CONFLICT DO NOTHING, so a concurrent insert of the same
// address is absorbed by the database instead of creating a duplicate.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

bool subscribe(soci::session &Sql, const std::string &Email, int ListId) {
  int Existing = 0;
  Sql << "SELECT COUNT(*) FROM subscriptions WHERE email = :email AND list_id = :list", soci::use(Email), soci::use(ListId), soci::into(Existing);
  if (Existing == 0) {
    // ok: sqlrace-check-then-insert
    Sql << "INSERT INTO subscriptions(email, list_id) VALUES (:email, :list) ON CONFLICT (email, list_id) DO NOTHING", soci::use(Email), soci::use(ListId);
    return true;
  }
  return false;
}
