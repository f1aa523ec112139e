// Racy: check and insert share one transaction opened with a plain BEGIN,
// which runs at READ COMMITTED. Each statement sees the data committed when
// it starts, and nothing stops another transaction from inserting the same
// slug in between.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void publishSlug(PGconn *Conn, const char *Slug, const char *PostId) {
  const char *Key[] = {Slug};
  const char *Row[] = {Slug, PostId};
  PQclear(PQexec(Conn, "BEGIN"));
  // note: sqlrace-check-then-insert existence of a 'slugs' row checked here, keyed on (slug)
  PGresult *Res = PQexecParams(Conn, "SELECT post_id FROM slugs WHERE slug = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // expect: sqlrace-check-then-insert insert into 'slugs' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO slugs(slug, post_id) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING, backed by a UNIQUE constraint on slugs (slug)
    PQclear(PQexecParams(Conn, "INSERT INTO slugs(slug, post_id) VALUES ($1, $2)", 2, nullptr, Row, nullptr, nullptr, 0));
  }
  PQclear(Res);
  PQclear(PQexec(Conn, "COMMIT"));
}
