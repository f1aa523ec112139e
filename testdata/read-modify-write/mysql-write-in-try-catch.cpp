// Racy: the UPDATE text is built with std::string inside a try block that
// catches std::exception (a bad_alloc, or an error thrown by a wrapper), but
// the exception handling changes nothing about the race: the wallet balance
// was read in one autocommit statement and is written back in another.
// REQUIRES: pkg(libmariadb)
#include <cstdlib>
#include <exception>
#include <mysql.h>
#include <stdexcept>
#include <string>

bool spend(MYSQL *Conn, long WalletId, long Amount) {
  const std::string Id = std::to_string(WalletId);
  try {
    const std::string Select = "SELECT balance FROM wallets WHERE id = " + Id;
    // note: sqlrace-read-modify-write 'balance' read from 'wallets' here, keyed on (id)
    // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
    if (mysql_query(Conn, Select.c_str()) != 0)
      throw std::runtime_error(mysql_error(Conn));
    MYSQL_RES *Res = mysql_store_result(Conn);
    MYSQL_ROW Row = mysql_fetch_row(Res);
    if (!Row) {
      mysql_free_result(Res);
      return false;
    }
    const long Balance = atol(Row[0]);
    mysql_free_result(Res);
    const std::string Update = "UPDATE wallets SET balance = " + std::to_string(Balance - Amount) + " WHERE id = " + Id;
    // expect: sqlrace-read-modify-write update of 'wallets.balance' writes back a value computed from an earlier read...*
    // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
    // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET balance = balance + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
    // note: sqlrace-read-modify-write SQL partly unknown at analysis time
    if (mysql_query(Conn, Update.c_str()) != 0)
      throw std::runtime_error(mysql_error(Conn));
    return true;
  } catch (const std::exception &) {
    return false;
  }
}
