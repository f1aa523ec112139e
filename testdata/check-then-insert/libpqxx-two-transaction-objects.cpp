// Racy: the check runs in a pqxx::transaction<pqxx::serializable> that is
// committed and destroyed; the insert runs later in a new pqxx::work. The
// serializable transaction protected only the check, not the gap after it.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool claimHandle(pqxx::connection &Conn, const std::string &Handle, int UserId) {
  bool Free = false;
  {
    pqxx::transaction<pqxx::serializable> Check(Conn);
    // note: sqlrace-check-then-insert existence of a 'handles' row checked here, keyed on (handle)
    Free = Check.exec_params("SELECT 1 FROM handles WHERE handle = $1", Handle).empty();
    Check.commit();
  }
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Free)
    return false;
  pqxx::work Insert(Conn);
  // expect: sqlrace-check-then-insert insert into 'handles' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert the check and this statement run in two different transaction objects
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO handles(handle, user_id) VALUES ($1, $2) ON CONFLICT (handle) DO NOTHING, backed by a UNIQUE constraint on handles (handle)
  Insert.exec_params("INSERT INTO handles(handle, user_id) VALUES ($1, $2)", Handle, UserId);
  Insert.commit();
  return true;
}
