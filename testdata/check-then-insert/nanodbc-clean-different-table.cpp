// Clean: the check reads 'users', the insert appends to 'login_failures', a
// log with no key on the address; a concurrent client cannot turn the insert
// into a duplicate of the row the check looked for.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

void recordFailedLogin(nanodbc::connection &Conn, const std::string &Email) {
  nanodbc::statement Find(Conn, "SELECT id FROM users WHERE email = ?");
  Find.bind(0, Email.c_str());
  nanodbc::result Found = nanodbc::execute(Find);
  if (!Found.next()) {
    nanodbc::statement Log(Conn, "INSERT INTO login_failures(email, reason) VALUES (?, 'unknown user')");
    Log.bind(0, Email.c_str());
    // ok: sqlrace-check-then-insert
    nanodbc::just_execute(Log);
  }
}
