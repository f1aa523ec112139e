// Racy: both statements are built by concatenating W.quote(value) into the
// SQL text. The values are unknown to the analysis, but the table and key
// column are literal, so the race is found and the rewrite note says the SQL
// is only partly known.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void addLabel(pqxx::connection &Conn, const std::string &Label) {
  pqxx::work W(Conn);
  const pqxx::result R = W.exec("SELECT 1 FROM labels WHERE name = " + W.quote(Label));
  if (R.empty()) {
    // expect: sqlrace-check-then-insert insert into 'labels' can race ...*
    W.exec("INSERT INTO labels(name) VALUES (" + W.quote(Label) + ")");
  }
  W.commit();
}
