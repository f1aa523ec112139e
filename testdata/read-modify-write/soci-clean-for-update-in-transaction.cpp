// Clean: the counter row is read with SELECT ... FOR UPDATE inside the
// soci::transaction that also writes it. A second client blocks on the row
// lock until this transaction commits and then reads the new number.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

long nextInvoiceNumber(soci::session &Sql, const std::string &Series) {
  soci::transaction Tr(Sql);
  long Last = 0;
  Sql << "SELECT last_number FROM invoice_series WHERE series = :s FOR UPDATE", soci::use(Series), soci::into(Last);
  long Next = Last + 1;
  // ok: sqlrace-read-modify-write
  Sql << "UPDATE invoice_series SET last_number = :n WHERE series = :s", soci::use(Next), soci::use(Series);
  Tr.commit();
  return Next;
}
