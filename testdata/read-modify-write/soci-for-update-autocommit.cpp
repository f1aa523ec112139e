// Racy: the SELECT says FOR UPDATE, but no transaction is open, so the
// session runs it in autocommit and the row lock ends with the statement.
// Another client can change the counter before the UPDATE writes back the
// value computed here.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

long nextInvoiceNumber(soci::session &Sql, const std::string &Series) {
  long Last = 0;
  // note: sqlrace-read-modify-write 'last_number' read from 'invoice_series' here, keyed on (series)
  Sql << "SELECT last_number FROM invoice_series WHERE series = :s FOR UPDATE", soci::use(Series), soci::into(Last);
  long Next = Last + 1;
  // expect: sqlrace-read-modify-write update of 'invoice_series.last_number' ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite: UPDATE invoice_series SET last_number = last_number + :n WHERE series = :s, binding the change instead of the new value; the code uses the new value, so read it back in the same transaction (with RETURNING where the database has it)
  Sql << "UPDATE invoice_series SET last_number = :n WHERE series = :s", soci::use(Next), soci::use(Series);
  return Next;
}
