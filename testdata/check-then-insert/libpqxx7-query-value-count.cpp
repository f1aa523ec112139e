// Racy: query_value<int>() runs the COUNT(*) and returns the count itself,
// and the insert runs when it is 0. Two concurrent calls both
// count 0 and both insert, as in libpqxx7-count-exec-params1.cpp.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>
#include <string>

void followTag(pqxx::connection &Conn, int UserId, const std::string &Tag) {
  pqxx::work Tx(Conn);
  if (Tx.query_value<int>("SELECT COUNT(*) FROM follows WHERE user_id = " + Tx.quote(UserId) + " AND tag = " + Tx.quote(Tag)) == 0)
    // expect: sqlrace-check-then-insert insert into 'follows' can race ...*
    Tx.exec_params("INSERT INTO follows(user_id, tag) VALUES ($1, $2)", UserId, Tag);
  Tx.commit();
}
