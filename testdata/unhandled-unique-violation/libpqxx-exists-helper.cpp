// Racy: slugTaken() runs the lookup in the caller's pqxx::work; the caller
// inserts the slug when it returns false. slugs has PRIMARY KEY (slug), so a
// concurrent publish makes this INSERT throw pqxx::unique_violation, uncaught.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

static bool slugTaken(pqxx::work &W, const std::string &Slug) {
  // note: sqlrace-unhandled-unique-violation the check runs here, inside 'slugTaken'
  return !W.exec_params("SELECT 1 FROM slugs WHERE slug = $1", Slug).empty();
}

void publish(pqxx::connection &Conn, const std::string &Slug, long PostId) {
  pqxx::work W(Conn);
  // note: sqlrace-unhandled-unique-violation existence of a 'slugs' row checked by calling 'slugTaken', keyed on (slug)
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (!slugTaken(W, Slug)) {
    // expect: sqlrace-unhandled-unique-violation insert into 'slugs' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation PRIMARY KEY (slug) rejects the duplicate (declared at Inputs/uuv-postgres.sql:19)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO slugs(slug, post_id) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING...*
    W.exec_params("INSERT INTO slugs(slug, post_id) VALUES ($1, $2)", Slug, PostId);
  }
  W.commit();
}
