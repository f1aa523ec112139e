// Clean: the insert is INSERT ... ON CONFLICT (user_id, day) DO UPDATE, backed
// by the UNIQUE constraint on (user_id, day). If a concurrent request creates
// today's row after the check, this statement updates it instead.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void recordSteps(pqxx::connection &Conn, int UserId, int Steps) {
  pqxx::work W(Conn);
  const pqxx::result R =
      W.exec_params("SELECT 1 FROM daily_steps WHERE user_id = $1 AND day = CURRENT_DATE", UserId);
  if (R.empty()) {
    // ok: sqlrace-check-then-insert
    W.exec_params("INSERT INTO daily_steps(user_id, day, steps) VALUES ($1, CURRENT_DATE, $2) "
                  "ON CONFLICT (user_id, day) DO UPDATE SET steps = daily_steps.steps + EXCLUDED.steps",
                  UserId, Steps);
  }
  W.commit();
}
