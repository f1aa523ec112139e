// Clean: the COUNT is read with query_value<int>() as in
// libpqxx7-query-value-count, but inside a
// pqxx::transaction<pqxx::isolation_level::serializable>: of two concurrent
// transactions that both count 0, one fails with 40001.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>
#include <string>

void followTopic(pqxx::connection &Conn, int UserId, const std::string &Topic) {
  pqxx::transaction<pqxx::isolation_level::serializable> Tx(Conn);
  if (Tx.query_value<int>("SELECT COUNT(*) FROM topic_follows WHERE user_id = " + Tx.quote(UserId) + " AND topic = " + Tx.quote(Topic)) == 0)
    // ok: sqlrace-check-then-insert
    Tx.exec_params("INSERT INTO topic_follows(user_id, topic) VALUES ($1, $2)", UserId, Topic);
  Tx.commit();
}
