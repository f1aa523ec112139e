// Racy: the decision is stored in a local bool first (IsOpen) and tested
// later. The flow is the same as testing the value directly: an invoice paid
// by another request in between gets a second payment recorded over it.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

bool recordPayment(PGconn *Conn, const char *InvoiceId, const char *PaymentId) {
  const char *Key[] = {InvoiceId};
  // note: sqlrace-check-then-update 'invoices' row read here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT status FROM invoices WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool IsOpen = PQntuples(Read) == 1 && std::string(PQgetvalue(Read, 0, 0)) == "open";
  PQclear(Read);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!IsOpen)
    return false;
  const char *Params[] = {InvoiceId, PaymentId};
  // expect: sqlrace-check-then-update update of 'invoices' depends on a state read earlier...*
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  PQclear(PQexecParams(Conn, "UPDATE invoices SET status = 'paid', payment_id = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  return true;
}
