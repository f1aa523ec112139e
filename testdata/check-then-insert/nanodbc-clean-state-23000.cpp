// Clean: the INSERT's nanodbc::database_error is caught and its SQLSTATE,
// read with state(), compared with "23000" (ODBC's integrity constraint
// violation): a duplicate inserted by a concurrent client is reported as
// "taken", any other error is rethrown.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

enum class Claim { Created, Taken };

Claim claimHandle(nanodbc::connection &Conn, const std::string &Handle) {
  nanodbc::statement Find(Conn, "SELECT 1 FROM handles WHERE handle = ?");
  Find.bind(0, Handle.c_str());
  nanodbc::result Found = nanodbc::execute(Find);
  if (Found.next())
    return Claim::Taken;
  nanodbc::statement Add(Conn, "INSERT INTO handles(handle) VALUES (?)");
  Add.bind(0, Handle.c_str());
  try {
    // ok: sqlrace-check-then-insert
    nanodbc::just_execute(Add);
  } catch (const nanodbc::database_error &E) {
    if (E.state() == "23000")
      return Claim::Taken;
    throw;
  }
  return Claim::Created;
}
