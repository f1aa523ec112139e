// Racy: a pqxx::transaction<pqxx::serializable> is open, but on the audit
// connection; the check and the insert run in a pqxx::work on the main
// connection at READ COMMITTED. Serializable isolation protects only the
// statements of its own transaction.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void openAccount(pqxx::connection &Main, pqxx::connection &Audit, const std::string &Iban) {
  pqxx::transaction<pqxx::serializable> AuditTx(Audit);
  pqxx::work W(Main);
  // note: sqlrace-check-then-insert existence of a 'accounts' row checked here, keyed on (iban)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (W.exec_params("SELECT 1 FROM accounts WHERE iban = $1", Iban).empty()) {
    // expect: sqlrace-check-then-insert insert into 'accounts' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO accounts(iban) VALUES ($1) ON CONFLICT (iban) DO NOTHING, backed by a UNIQUE constraint on accounts (iban)
    W.exec_params("INSERT INTO accounts(iban) VALUES ($1)", Iban);
  }
  W.commit();
  AuditTx.exec_params("INSERT INTO audit_log(event) VALUES ($1)", "open " + Iban);
  AuditTx.commit();
}
