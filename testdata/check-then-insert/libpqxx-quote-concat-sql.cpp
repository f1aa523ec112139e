// Racy: both statements are built by concatenating W.quote(value) into the
// SQL text. The values are unknown to the analysis, but the table and key
// column are literal, so the race is found and the rewrite note says the SQL
// is only partly known.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void addLabel(pqxx::connection &Conn, const std::string &Label) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-insert existence of a 'labels' row checked here, keyed on (name)
  // note: sqlrace-check-then-insert this SQL is partly unknown at analysis time; its table and key come from the known parts
  const pqxx::result R = W.exec("SELECT 1 FROM labels WHERE name = " + W.quote(Label));
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (R.empty()) {
    // expect: sqlrace-check-then-insert insert into 'labels' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on labels (name) and use the dialect's insert-if-absent form or handle the unique violation
    // note: sqlrace-check-then-insert SQL partly unknown at analysis time; the rewrite keeps the known parts
    W.exec("INSERT INTO labels(name) VALUES (" + W.quote(Label) + ")");
  }
  W.commit();
}
