// Clean for this check: check and insert run in one
// pqxx::transaction<pqxx::serializable>. PostgreSQL reports the loser of a
// race on a key it has read as a serialization failure (40001), not as 23505,
// so no unique violation escapes; retrying on 40001 is a separate concern.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool publish(pqxx::connection &Conn, const std::string &Slug, long PostId) {
  pqxx::transaction<pqxx::serializable> T(Conn);
  if (!T.exec_params("SELECT 1 FROM slugs WHERE slug = $1", Slug).empty())
    return false;
  // ok: sqlrace-unhandled-unique-violation
  T.exec_params("INSERT INTO slugs(slug, post_id) VALUES ($1, $2)", Slug, PostId);
  T.commit();
  return true;
}
