// Racy: a referral bonus is granted once per invitee: COUNT(*) of earlier
// grants is read with ResultSet::AsSingleRow<long>() and the grant inserted
// when it is 0. Two sign-ins at once can both count 0 and both insert.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>

namespace pg = userver::storages::postgres;

void grantReferralBonus(const pg::ClusterPtr &Cluster, long InviteeId, long InviterId) {
  // note: sqlrace-check-then-insert existence of a 'referral_bonuses' row checked here, keyed on (invitee_id)
  const long Granted = Cluster->Execute(pg::ClusterHostType::kMaster, "SELECT COUNT(*) FROM referral_bonuses WHERE invitee_id = $1", InviteeId).AsSingleRow<long>();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Granted == 0)
    // expect: sqlrace-check-then-insert insert into 'referral_bonuses' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO referral_bonuses(invitee_id, inviter_id) VALUES ($1, $2) ON CONFLICT (invitee_id) DO NOTHING, backed by a UNIQUE constraint on referral_bonuses (invitee_id)
    Cluster->Execute(pg::ClusterHostType::kMaster, "INSERT INTO referral_bonuses(invitee_id, inviter_id) VALUES ($1, $2)", InviteeId, InviterId);
}
