// Clean: pqxx::transaction<pqxx::serializable> around the test and the
// UPDATE. If the customer upgrades in between, PostgreSQL aborts one of the
// two transactions with 40001 and the job retries with the new plan.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void expireTrial(pqxx::connection &Conn, int AccountId) {
  pqxx::transaction<pqxx::serializable> T(Conn);
  pqxx::result R = T.exec_params("SELECT plan FROM subscriptions WHERE account_id = $1", AccountId);
  if (R.size() != 1 || R[0][0].as<std::string>() != "trial")
    return;
  // ok: sqlrace-check-then-update
  T.exec_params("UPDATE subscriptions SET plan = 'free', trial_ended_at = now() WHERE account_id = $1", AccountId);
  T.commit();
}
