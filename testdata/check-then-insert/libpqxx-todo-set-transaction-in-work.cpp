// Known false positive: the first statement of the pqxx::work is SET
// TRANSACTION ISOLATION LEVEL SERIALIZABLE, which PostgreSQL accepts right
// after BEGIN, so check and insert run at SERIALIZABLE. sqlrace still judges
// the pqxx::work by its default level, READ COMMITTED.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void addNickname(pqxx::connection &Conn, const std::string &Nick, int UserId) {
  pqxx::work W(Conn);
  W.exec("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  if (W.exec_params("SELECT 1 FROM nicknames WHERE nick = $1", Nick).empty()) {
    // FIXME(analyzer): SET TRANSACTION ISOLATION LEVEL SERIALIZABLE as the first statement of a pqxx::work is not seen as raising the level.
    // todo-ok: sqlrace-check-then-insert insert into 'nicknames' can race ...*
    W.exec_params("INSERT INTO nicknames(nick, user_id) VALUES ($1, $2)", Nick, UserId);
  }
  W.commit();
}
