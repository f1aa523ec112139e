// Racy: a product review is allowed when COUNT(*) of the author's reviews for
// that product is 0. The count is read with atoi(PQgetvalue()). Two quick
// submissions can both count 0 and both insert a review.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>

bool addReview(PGconn *Conn, const char *ProductId, const char *AuthorId, const char *Body) {
  const char *Key[] = {ProductId, AuthorId};
  // note: sqlrace-check-then-insert existence of a 'reviews' row checked here, keyed on (product_id, author_id)
  PGresult *Count = PQexecParams(Conn, "SELECT COUNT(*) FROM reviews WHERE product_id = $1 AND author_id = $2",
                                 2, nullptr, Key, nullptr, nullptr, 0);
  bool Added = false;
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (atoi(PQgetvalue(Count, 0, 0)) == 0) {
    const char *Row[] = {ProductId, AuthorId, Body};
    // expect: sqlrace-check-then-insert insert into 'reviews' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO reviews(product_id, author_id, body) VALUES ($1, $2, $3) ON CONFLICT (product_id, author_id) DO NOTHING, backed by a UNIQUE constraint on reviews (product_id, author_id)
    PGresult *Res = PQexecParams(Conn, "INSERT INTO reviews(product_id, author_id, body) VALUES ($1, $2, $3)",
                                 3, nullptr, Row, nullptr, nullptr, 0);
    Added = PQresultStatus(Res) == PGRES_COMMAND_OK;
    PQclear(Res);
  }
  PQclear(Count);
  return Added;
}
