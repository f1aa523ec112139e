// Racy: query_value<int>() runs the COUNT(*) and returns the count itself,
// and the insert runs when it is 0. Two concurrent calls both
// count 0 and both insert, as in libpqxx7-count-exec-params1.cpp.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>
#include <string>

void followTag(pqxx::connection &Conn, int UserId, const std::string &Tag) {
  pqxx::work Tx(Conn);
  // note: sqlrace-check-then-insert existence of a 'follows' row checked here, keyed on (user_id, tag)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  // note: sqlrace-check-then-insert this SQL is partly unknown at analysis time; its table and key come from the known parts
  if (Tx.query_value<int>("SELECT COUNT(*) FROM follows WHERE user_id = " + Tx.quote(UserId) + " AND tag = " + Tx.quote(Tag)) == 0)
    // expect: sqlrace-check-then-insert insert into 'follows' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO follows(user_id, tag) VALUES ($1, $2) ON CONFLICT (user_id, tag) DO NOTHING, backed by a UNIQUE constraint on follows (user_id, tag)
    Tx.exec_params("INSERT INTO follows(user_id, tag) VALUES ($1, $2)", UserId, Tag);
  Tx.commit();
}
