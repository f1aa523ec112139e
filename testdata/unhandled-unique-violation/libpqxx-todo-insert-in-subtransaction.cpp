// Known false negative: the INSERT runs in a pqxx::subtransaction opened on
// the pqxx::work that ran the check, and nothing catches its
// pqxx::unique_violation. The subtransaction is not linked to the work (or to
// the connection), so the pair is not found.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void publish(pqxx::connection &Conn, const std::string &Slug, long PostId) {
  pqxx::work W(Conn);
  if (W.exec_params("SELECT 1 FROM slugs WHERE slug = $1", Slug).empty()) {
    pqxx::subtransaction S(W, "add_slug");
    // FIXME(analyzer): statements run through a pqxx::subtransaction are not tied to the transaction (and connection) it was opened on.
    // todo-expect: sqlrace-unhandled-unique-violation insert into 'slugs' fails with a unique violation ...*
    S.exec_params("INSERT INTO slugs(slug, post_id) VALUES ($1, $2)", Slug, PostId);
    S.commit();
  }
  W.commit();
}
