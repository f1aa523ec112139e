// Racy: projects has UNIQUE (org_id, name) and the COUNT(*) check fixes both
// columns. Two users creating the same project name in one organisation can
// both count 0; the second INSERT throws pqxx::unique_violation, uncaught.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

int createProject(pqxx::connection &Conn, int OrgId, const std::string &Name) {
  pqxx::work W(Conn);
  // note: sqlrace-unhandled-unique-violation existence of a 'projects' row checked here, keyed on (org_id, name)
  const pqxx::result Count = W.exec_params("SELECT COUNT(*) FROM projects WHERE org_id = $1 AND name = $2", OrgId, Name);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Count[0][0].as<int>() > 0)
    return -1;
  // expect: sqlrace-unhandled-unique-violation insert into 'projects' fails with a unique violation ...*
  // note: sqlrace-unhandled-unique-violation UNIQUE (org_id, name) rejects the duplicate (declared at Inputs/uuv-postgres.sql:15)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO projects(org_id, name) VALUES ($1, $2) ON CONFLICT (org_id, name) DO NOTHING RETURNING id, then tell a new row from an existing one by the affected-row count
  const pqxx::row Id = W.exec_params1("INSERT INTO projects(org_id, name) VALUES ($1, $2) RETURNING id", OrgId, Name);
  W.commit();
  return Id[0].as<int>();
}
