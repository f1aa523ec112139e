// Racy: a nightly job downgrades expired trials. It returns early unless the
// plan read is 'trial', then writes plan = 'free'. A customer who upgrades to
// a paid plan between the SELECT and the UPDATE is downgraded right after
// paying.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void expireTrial(pqxx::connection &Conn, int AccountId) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-update 'subscriptions' row read here, keyed on (account_id)
  pqxx::result R = W.exec_params("SELECT plan FROM subscriptions WHERE account_id = $1", AccountId);
  if (R.size() != 1)
    return;
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (R[0][0].as<std::string>() != "trial")
    return;
  // expect: sqlrace-check-then-update update of 'subscriptions' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  W.exec_params("UPDATE subscriptions SET plan = 'free', trial_ended_at = now() WHERE account_id = $1", AccountId);
  W.commit();
}
