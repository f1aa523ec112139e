// Clean: the first statement of the nanodbc::transaction is
// SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, so the check and the insert
// run in one serializable transaction; of two concurrent invitations of the
// same address one fails with a serialization error (SQLSTATE 40001).
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

bool invite(nanodbc::connection &Conn, const std::string &Email, int TeamId) {
  nanodbc::transaction Txn(Conn);
  nanodbc::just_execute(Conn, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  nanodbc::statement Find(Conn, "SELECT 1 FROM invitations WHERE email = ? AND team_id = ?");
  Find.bind(0, Email.c_str());
  Find.bind(1, &TeamId);
  nanodbc::result Found = nanodbc::execute(Find);
  if (Found.next())
    return false;
  nanodbc::statement Add(Conn, "INSERT INTO invitations(email, team_id) VALUES (?, ?)");
  Add.bind(0, Email.c_str());
  Add.bind(1, &TeamId);
  // ok: sqlrace-check-then-insert
  nanodbc::just_execute(Add);
  Txn.commit();
  return true;
}
