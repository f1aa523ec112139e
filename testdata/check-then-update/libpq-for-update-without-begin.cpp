// Racy: SELECT ... FOR UPDATE without BEGIN. libpq runs it in autocommit mode,
// so the lock is released when the SELECT ends; a second redemption of the
// voucher can pass the same test before this UPDATE runs.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

bool redeem(PGconn *Conn, const char *VoucherId) {
  const char *Key[] = {VoucherId};
  // note: sqlrace-check-then-update 'vouchers' row read here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT redeemed FROM vouchers WHERE id = $1 FOR UPDATE", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Unused = PQntuples(Read) == 1 && PQgetvalue(Read, 0, 0)[0] == 'f';
  PQclear(Read);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!Unused)
    return false;
  // expect: sqlrace-check-then-update update of 'vouchers' depends on a state read earlier...*
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  PQclear(PQexecParams(Conn, "UPDATE vouchers SET redeemed = true WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0));
  return true;
}
