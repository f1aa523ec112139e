// Clean: the check looks in 'blocked_emails' and the insert goes into
// 'invitations'. A row another client inserts into 'invitations' does not
// change what the check saw, so there is no check-then-insert pair.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

bool invite(SQLite::Database &Db, const std::string &Email) {
  SQLite::Statement Blocked(Db, "SELECT 1 FROM blocked_emails WHERE email = ?");
  Blocked.bind(1, Email);
  if (Blocked.executeStep())
    return false;
  SQLite::Statement Add(Db, "INSERT INTO invitations(email) VALUES (?)");
  Add.bind(1, Email);
  // ok: sqlrace-check-then-insert
  Add.exec();
  return true;
}
