// Clean: optimistic compare-and-set inside a try block. The UPDATE restates
// the version read and bumps it, and r.affected_rows() says whether this
// client won; a pqxx::sql_error is reported as a failure. Losing the race
// means 0 rows and a retry, never an overwritten edit.
// REQUIRES: pkg(libpqxx)
#include <iostream>
#include <pqxx/pqxx>
#include <string>

bool renameFolder(pqxx::connection &Conn, int FolderId, const std::string &Suffix) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT name, version FROM folders WHERE id = $1", FolderId);
  if (R.empty())
    return false;
  const std::string Name = R[0][0].as<std::string>() + Suffix;
  const int Version = R[0][1].as<int>();
  try {
    // ok: sqlrace-read-modify-write
    pqxx::result U = W.exec_params("UPDATE folders SET name = $2, version = version + 1 WHERE id = $1 AND version = $3", FolderId, Name, Version);
    if (U.affected_rows() != 1)
      return false;
    W.commit();
  } catch (const pqxx::sql_error &E) {
    std::cerr << "rename failed: " << E.what() << '\n';
    return false;
  }
  return true;
}
