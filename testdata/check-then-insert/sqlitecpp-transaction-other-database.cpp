// Racy: the SQLite::Transaction is opened on the audit database, not on the
// one that runs the check and the insert. The accounts database stays in
// autocommit mode, so the check-then-insert on it is not atomic.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

bool openAccount(SQLite::Database &Accounts, SQLite::Database &Audit, const std::string &Iban) {
  SQLite::Transaction AuditTxn(Audit);
  SQLite::Statement Find(Accounts, "SELECT id FROM accounts WHERE iban = ?");
  Find.bind(1, Iban);
  if (Find.executeStep())
    return false;
  SQLite::Statement Add(Accounts, "INSERT INTO accounts(iban) VALUES (?)");
  Add.bind(1, Iban);
  // expect: sqlrace-check-then-insert insert into 'accounts' ...*
  Add.exec();
  SQLite::Statement Log(Audit, "INSERT INTO audit_log(event, iban) VALUES ('open', ?)");
  Log.bind(1, Iban);
  Log.exec();
  AuditTxn.commit();
  return true;
}
