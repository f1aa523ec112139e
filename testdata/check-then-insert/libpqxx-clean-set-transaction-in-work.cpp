// Clean: the first statement of the pqxx::work is SET TRANSACTION ISOLATION
// LEVEL SERIALIZABLE, which PostgreSQL accepts right after BEGIN, so the check
// and the insert run at SERIALIZABLE.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void addNickname(pqxx::connection &Conn, const std::string &Nick, int UserId) {
  pqxx::work W(Conn);
  W.exec("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  if (W.exec_params("SELECT 1 FROM nicknames WHERE nick = $1", Nick).empty()) {
    // ok: sqlrace-check-then-insert
    W.exec_params("INSERT INTO nicknames(nick, user_id) VALUES ($1, $2)", Nick, UserId);
  }
  W.commit();
}
