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
  // note: sqlrace-check-then-insert existence of a 'accounts' row checked here, keyed on (iban)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Find.executeStep())
    return false;
  SQLite::Statement Add(Accounts, "INSERT INTO accounts(iban) VALUES (?)");
  Add.bind(1, Iban);
  // expect: sqlrace-check-then-insert insert into 'accounts' ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO accounts(iban) VALUES (?) ON CONFLICT (iban) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on accounts (iban)
  Add.exec();
  SQLite::Statement Log(Audit, "INSERT INTO audit_log(event, iban) VALUES ('open', ?)");
  Log.bind(1, Iban);
  Log.exec();
  AuditTxn.commit();
  return true;
}
