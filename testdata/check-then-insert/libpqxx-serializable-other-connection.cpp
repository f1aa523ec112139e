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
  if (W.exec_params("SELECT 1 FROM accounts WHERE iban = $1", Iban).empty()) {
    // expect: sqlrace-check-then-insert insert into 'accounts' can race ...*
    W.exec_params("INSERT INTO accounts(iban) VALUES ($1)", Iban);
  }
  W.commit();
  AuditTx.exec_params("INSERT INTO audit_log(event) VALUES ($1)", "open " + Iban);
  AuditTx.commit();
}
