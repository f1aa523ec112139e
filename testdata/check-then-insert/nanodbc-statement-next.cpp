// Racy: the address is looked up through a statement prepared by its
// constructor and run with nanodbc::execute(statement&); the user is inserted
// when result::next() finds no row. In autocommit a concurrent signup can
// insert the same address between the two statements. nanodbc has no
// dialect of its own, so the note names no atomic rewrite.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

bool signUp(nanodbc::connection &Conn, const std::string &Email) {
  nanodbc::statement Find(Conn, "SELECT id FROM users WHERE email = ?");
  Find.bind(0, Email.c_str());
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  nanodbc::result Found = nanodbc::execute(Find);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Found.next())
    return false;
  nanodbc::statement Add(Conn, "INSERT INTO users(email) VALUES (?)");
  Add.bind(0, Email.c_str());
  // expect: sqlrace-check-then-insert insert into 'users' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on users (email) and use the dialect's insert-if-absent form or handle the unique violation
  nanodbc::just_execute(Add);
  return true;
}
