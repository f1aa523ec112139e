// Clean: check and insert run in one pqxx::transaction<pqxx::serializable>
// (the libpqxx 6.4 spelling). PostgreSQL aborts one of two concurrent
// transactions that both saw "no row" with a serialization failure (40001),
// so only one insert commits.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool claimHandle(pqxx::connection &Conn, const std::string &Handle, int UserId) {
  pqxx::transaction<pqxx::serializable> T(Conn);
  pqxx::result R = T.exec_params("SELECT 1 FROM handles WHERE handle = $1", Handle);
  if (!R.empty())
    return false;
  // ok: sqlrace-check-then-insert
  T.exec_params("INSERT INTO handles(handle, user_id) VALUES ($1, $2)", Handle, UserId);
  T.commit();
  return true;
}
