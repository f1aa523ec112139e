// Racy: SELECT ... FOR UPDATE without BEGIN. libpq runs it in autocommit mode,
// so the lock is released when the SELECT ends; a second redemption of the
// voucher can pass the same test before this UPDATE runs.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

bool redeem(PGconn *Conn, const char *VoucherId) {
  const char *Key[] = {VoucherId};
  PGresult *Read = PQexecParams(Conn, "SELECT redeemed FROM vouchers WHERE id = $1 FOR UPDATE", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Unused = PQntuples(Read) == 1 && PQgetvalue(Read, 0, 0)[0] == 'f';
  PQclear(Read);
  if (!Unused)
    return false;
  // expect: sqlrace-check-then-update update of 'vouchers' depends on a state read earlier...*
  PQclear(PQexecParams(Conn, "UPDATE vouchers SET redeemed = true WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0));
  return true;
}
