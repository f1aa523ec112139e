// Racy: a referral bonus is granted once per invitee: COUNT(*) of earlier
// grants is read with ResultSet::AsSingleRow<long>() and the grant inserted
// when it is 0. Two sign-ins at once can both count 0 and both insert.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>

namespace pg = userver::storages::postgres;

void grantReferralBonus(const pg::ClusterPtr &Cluster, long InviteeId, long InviterId) {
  const long Granted = Cluster->Execute(pg::ClusterHostType::kMaster, "SELECT COUNT(*) FROM referral_bonuses WHERE invitee_id = $1", InviteeId).AsSingleRow<long>();
  if (Granted == 0)
    // expect: sqlrace-check-then-insert insert into 'referral_bonuses' can race ...*
    Cluster->Execute(pg::ClusterHostType::kMaster, "INSERT INTO referral_bonuses(invitee_id, inviter_id) VALUES ($1, $2)", InviteeId, InviterId);
}
