// Racy: exec1() reads the project's archived flag with `[0].as<bool>()` and
// the rename only runs when it is false. The project can be archived between
// the read and the UPDATE, and the archived project is renamed anyway.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool renameProject(pqxx::connection &Conn, int ProjectId, const std::string &Name) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-update 'projects' row read here, keyed on (id)
  // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
  const bool Archived = W.exec1("SELECT archived FROM projects WHERE id = " + std::to_string(ProjectId))[0].as<bool>();
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (Archived)
    return false;
  // expect: sqlrace-check-then-update update of 'projects' depends on a state read earlier...*
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  W.exec_params("UPDATE projects SET name = $2 WHERE id = $1", ProjectId, Name);
  W.commit();
  return true;
}
