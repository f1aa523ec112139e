// Clean for this check: migration 001 creates the unique index
// webhooks_url_key and 003 drops it with DROP INDEX. Nothing rejects a second
// webhook for the same URL any more, so the pair is a plain check-then-insert.
// ARGS: --schema Inputs/uuv-postgres-migrations --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void addWebhook(pqxx::connection &Conn, const std::string &Url, const std::string &Secret) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-insert existence of a 'webhooks' row checked here, keyed on (url)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (W.exec_params("SELECT 1 FROM webhooks WHERE url = $1", Url).empty()) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'webhooks' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO webhooks(url, secret) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING, backed by a UNIQUE constraint on webhooks (url)
    W.exec_params("INSERT INTO webhooks(url, secret) VALUES ($1, $2)", Url, Secret);
  }
  W.commit();
}
