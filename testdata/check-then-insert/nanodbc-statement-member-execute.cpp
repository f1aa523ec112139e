// Racy: statements opened with statement(connection&), prepared with
// statement::prepare() and run with statement::execute() and
// statement::just_execute(). A product code is inserted when the lookup's
// first next() finds no row; two imports of the same catalogue can both
// insert it.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

void importProduct(nanodbc::connection &Conn, const std::string &Code, const std::string &Name) {
  nanodbc::statement Find(Conn);
  Find.prepare("SELECT 1 FROM products WHERE code = ?");
  Find.bind(0, Code.c_str());
  // note: sqlrace-check-then-insert existence of a 'products' row checked here, keyed on (code)
  nanodbc::result Found = Find.execute();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Found.next()) {
    nanodbc::statement Add(Conn);
    Add.prepare("INSERT INTO products(code, name) VALUES (?, ?)");
    Add.bind(0, Code.c_str());
    Add.bind(1, Name.c_str());
    // expect: sqlrace-check-then-insert insert into 'products' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on products (code) and use the dialect's insert-if-absent form or handle the unique violation
    Add.just_execute();
  }
}
