// Clean: the count runs on the main session and the insert on the audit
// session through Audit.once << "..."; once stands for the session it is a
// member of, so the two statements are on different connections and do not
// pair (the audit table has no check of its own).
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

void recordLogin(soci::session &Sql, soci::session &Audit, int UserId) {
  int Sessions = 0;
  Sql.once << "SELECT COUNT(*) FROM logins WHERE user_id = :u", soci::use(UserId), soci::into(Sessions);
  if (Sessions == 0)
    // ok: sqlrace-check-then-insert
    Audit.once << "INSERT INTO logins(user_id) VALUES (:u)", soci::use(UserId);
}
