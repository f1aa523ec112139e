// Racy: PostgreSQL sends a boolean as "t" or "f", so the gift card's redeemed
// flag is tested with PQgetvalue(...)[0] == 'f'. Two checkouts with the same
// code both see 'f' and both redeem it: the card is spent twice.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

bool redeem(PGconn *Conn, const char *Code, const char *OrderId) {
  const char *Key[] = {Code};
  // note: sqlrace-check-then-update 'gift_cards' row read here, keyed on (code)
  PGresult *Read = PQexecParams(Conn, "SELECT redeemed FROM gift_cards WHERE code = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Unused = PQntuples(Read) == 1 && PQgetvalue(Read, 0, 0)[0] == 'f';
  PQclear(Read);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!Unused)
    return false;
  const char *Params[] = {Code, OrderId};
  // expect: sqlrace-check-then-update update of 'gift_cards' depends on a state read earlier...*
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  PQclear(PQexecParams(Conn, "UPDATE gift_cards SET redeemed = true, order_id = $2 WHERE code = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  return true;
}
