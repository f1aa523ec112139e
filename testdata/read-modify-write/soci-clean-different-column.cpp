// Clean: the monthly reset reads the plan's quota and writes it into another
// column, remaining. The column written is not the one read, so the UPDATE
// cannot overwrite a concurrent change of the value it was computed from.
// ARGS: -- -std=c++17
#include <soci/soci.h>

void resetMonthlyAllowance(soci::session &Sql, int UserId) {
  int Quota = 0;
  Sql << "SELECT quota FROM plans WHERE user_id = :u", soci::use(UserId), soci::into(Quota);
  // ok: sqlrace-read-modify-write
  Sql << "UPDATE plans SET remaining = :r WHERE user_id = :u", soci::use(Quota), soci::use(UserId);
}
