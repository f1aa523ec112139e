// Racy: projects has UNIQUE (org_id, name) and the COUNT(*) check fixes both
// columns. Two users creating the same project name in one organisation can
// both count 0; the second INSERT throws pqxx::unique_violation, uncaught.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

int createProject(pqxx::connection &Conn, int OrgId, const std::string &Name) {
  pqxx::work W(Conn);
  const pqxx::result Count = W.exec_params("SELECT COUNT(*) FROM projects WHERE org_id = $1 AND name = $2", OrgId, Name);
  if (Count[0][0].as<int>() > 0)
    return -1;
  // expect: sqlrace-unhandled-unique-violation insert into 'projects' fails with a unique violation ...*
  const pqxx::row Id = W.exec_params1("INSERT INTO projects(org_id, name) VALUES ($1, $2) RETURNING id", OrgId, Name);
  W.commit();
  return Id[0].as<int>();
}
