// Clean: the COUNT only decides which log line is written; the audit row is
// inserted after the if/else has joined again, on both outcomes. The insert
// does not depend on the check, so there is no check-then-insert.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <iostream>
#include <string>

void recordLogin(soci::session &Sql, int UserId, const std::string &Ip) {
  int Seen = 0;
  Sql << "SELECT COUNT(*) FROM logins WHERE user_id = :u AND ip = :ip", soci::use(UserId), soci::use(Ip), soci::into(Seen);
  if (Seen == 0)
    std::clog << "first login of user " << UserId << " from " << Ip << "\n";
  else
    std::clog << "login of user " << UserId << "\n";
  // ok: sqlrace-check-then-insert
  Sql << "INSERT INTO logins(user_id, ip) VALUES (:u, :ip)", soci::use(UserId), soci::use(Ip);
}
