// Racy: a product review is allowed when COUNT(*) of the author's reviews for
// that product is 0. The count is read with atoi(PQgetvalue()). Two quick
// submissions can both count 0 and both insert a review.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>

bool addReview(PGconn *Conn, const char *ProductId, const char *AuthorId, const char *Body) {
  const char *Key[] = {ProductId, AuthorId};
  PGresult *Count = PQexecParams(Conn, "SELECT COUNT(*) FROM reviews WHERE product_id = $1 AND author_id = $2",
                                 2, nullptr, Key, nullptr, nullptr, 0);
  bool Added = false;
  if (atoi(PQgetvalue(Count, 0, 0)) == 0) {
    const char *Row[] = {ProductId, AuthorId, Body};
    // expect: sqlrace-check-then-insert insert into 'reviews' can race ...*
    PGresult *Res = PQexecParams(Conn, "INSERT INTO reviews(product_id, author_id, body) VALUES ($1, $2, $3)",
                                 3, nullptr, Row, nullptr, nullptr, 0);
    Added = PQresultStatus(Res) == PGRES_COMMAND_OK;
    PQclear(Res);
  }
  PQclear(Count);
  return Added;
}
