// nanodbc variants of one check-then-insert.
// addCode(): the lookup is prepared with the free function nanodbc::prepare(),
// result::first() tells whether a row came back, and the insert runs with
// statement::just_execute_direct() inside a nanodbc::transaction (the
// driver's default READ COMMITTED); the failure path calls rollback(). Two
// clients can both see no row and both insert.
// addCodeNative(): the lookup is prepared with statement::prepare(connection&,
// query, timeout), and a database_error of the insert whose native() code is
// 2627 (SQL Server's duplicate key) is handled: the database decides.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

bool addCode(nanodbc::connection &Conn, const std::string &Code) {
  nanodbc::transaction Txn(Conn);
  nanodbc::statement Find(Conn);
  nanodbc::prepare(Find, "SELECT 1 FROM codes WHERE code = ?");
  Find.bind(0, Code.c_str());
  // note: sqlrace-check-then-insert existence of a 'codes' row checked here, keyed on (code)
  nanodbc::result Found = nanodbc::execute(Find);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Found.first()) {
    Txn.rollback();
    return false;
  }
  nanodbc::statement Add(Conn);
  // expect: sqlrace-check-then-insert insert into 'codes' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on codes (code) and use the dialect's insert-if-absent form or handle the unique violation
  // note: sqlrace-check-then-insert SQL partly unknown at analysis time; the rewrite keeps the known parts
  Add.just_execute_direct(Conn, "INSERT INTO codes(code) VALUES ('" + Code + "')");
  Txn.commit();
  return true;
}

bool addCodeNative(nanodbc::connection &Conn, const std::string &Code) {
  nanodbc::statement Find;
  Find.prepare(Conn, "SELECT 1 FROM codes WHERE code = ?", 10);
  Find.bind(0, Code.c_str());
  nanodbc::result Found = nanodbc::execute(Find);
  if (Found.first())
    return false;
  nanodbc::statement Add(Conn, "INSERT INTO codes(code) VALUES (?)");
  Add.bind(0, Code.c_str());
  try {
    // ok: sqlrace-check-then-insert
    nanodbc::just_execute(Add);
  } catch (const nanodbc::database_error &E) {
    if (E.native() == 2627)
      return false;
    throw;
  }
  return true;
}
