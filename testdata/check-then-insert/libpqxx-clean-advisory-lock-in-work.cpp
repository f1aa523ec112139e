// Clean: pg_advisory_xact_lock is taken through a pqxx::work, i.e. inside the
// transaction that libpqxx opened with BEGIN, before the check. The lock is
// held until commit, so the check and the insert are serialised.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void claimHandle(pqxx::connection &Conn, const std::string &Handle, int UserId) {
  pqxx::work W(Conn);
  W.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", Handle);
  if (W.exec_params("SELECT 1 FROM handles WHERE handle = $1", Handle).empty()) {
    // ok: sqlrace-check-then-insert
    W.exec_params("INSERT INTO handles(handle, user_id) VALUES ($1, $2)", Handle, UserId);
  }
  W.commit();
}
