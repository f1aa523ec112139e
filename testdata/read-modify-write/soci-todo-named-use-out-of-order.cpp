// Known false negative: SOCI binds use(value, "name") by placeholder name, so
// the order of the use() calls need not follow the SQL. Here :b receives the
// new balance computed in C++ from the read, a lost update like
// soci-balance-use-local, but the bindings are listed id first.
// ARGS: -- -std=c++17
#include <soci/soci.h>

void pay(soci::session &Sql, long AccountId, long Amount) {
  long Balance = 0;
  Sql << "SELECT balance FROM accounts WHERE id = :id", soci::use(AccountId, "id"), soci::into(Balance);
  long NewBalance = Balance - Amount;
  // FIXME(analyzer): use() is catalogued with index_arg "next", so the name given as use()'s second argument is ignored; here :b is paired with AccountId and :id with NewBalance, and the write-back is not found.
  // todo-expect: sqlrace-read-modify-write update of 'accounts.balance' ...*
  Sql << "UPDATE accounts SET balance = :b WHERE id = :id", soci::use(AccountId, "id"), soci::use(NewBalance, "b");
}
