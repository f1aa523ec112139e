// Racy: the SQL comes from the statement registry app::Statements (declared
// in .sqlrace.json), filled at start-up under constant names; lookups with a
// constant name resolve to the registered text.
// ARGS: -- -std=c++17
#include "app_db.h"

namespace app {
std::map<std::string, std::string> Statements;
} // namespace app

void registerStatements() {
  app::Statements["find_key"] = "SELECT 1 FROM api_keys WHERE owner_id = $1 AND label = $2";
  app::Statements.emplace("add_key", "INSERT INTO api_keys(owner_id, label) VALUES ($1, $2)");
  app::Statements["credit"] = "UPDATE wallets SET balance = $2 WHERE id = $1";
  app::Statements["read_balance"] = "SELECT balance FROM wallets WHERE id = $1";
}

void addKey(app::Db &Db, long Owner, const std::string &Label) {
  // note: sqlrace-unhandled-unique-violation existence of a 'api_keys' row checked here, keyed on (owner_id, label)
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (!Db.query(app::Statements.at("find_key"), Owner, Label).empty())
    return;
  // The schema declares UNIQUE (owner_id, label): the race ends in an error.
  // expect: sqlrace-unhandled-unique-violation insert into 'api_keys' fails with a unique violation ...*
  // note: sqlrace-unhandled-unique-violation 'api_keys_owner_label' UNIQUE (owner_id, label) rejects the duplicate (declared at ...*config-project/schema.sql:3)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO api_keys(owner_id, label) VALUES ($1, $2) ON CONFLICT (owner_id, label) DO NOTHING, then tell a new row from an existing one by the affected-row count
  Db.run(app::Statements.at("add_key"), Owner, Label);
}

void credit(app::Db &Db, long Wallet, long Amount) {
  // note: sqlrace-read-modify-write 'balance' read from 'wallets' here, keyed on (id)
  app::Rows Row = Db.query(app::Statements["read_balance"], Wallet);
  long Balance = Row.number(0, 0);
  // expect: sqlrace-read-modify-write update of 'wallets.balance' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE wallets SET balance = balance + $2 WHERE id = $1, binding the change instead of the new value
  Db.run(app::Statements["credit"], Wallet, Balance + Amount);
}
