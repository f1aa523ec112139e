// A read and its write-back between the project's own transaction calls
// (app::Db::begin and commit, declared in .sqlrace.json), the row locked by
// the read: no other client can change the balance in between.
// ARGS: -- -std=c++17
#include "app_db.h"

void credit(app::Db &Db, long Wallet, long Amount) {
  Db.begin();
  long Balance =
      Db.query("SELECT balance FROM wallets WHERE id = $1 FOR UPDATE", Wallet)
          .number(0, 0);
  // ok: sqlrace-read-modify-write
  Db.run("UPDATE wallets SET balance = $2 WHERE id = $1", Wallet,
         Balance + Amount);
  Db.commit();
}
