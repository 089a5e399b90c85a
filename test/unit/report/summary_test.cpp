#include "report/summary.hpp"

#include <gtest/gtest.h>

using namespace custody;
using namespace custody::report;

namespace {

DecisionView accepted(const std::string& repo, const std::string& time,
                      const std::string& hook = "pre-receive") {
  DecisionView d;
  d.type = "decision";
  d.repo = repo;
  d.time = time;
  d.hook = hook;
  d.decision = "accepted";
  d.ref = "refs/heads/main";
  return d;
}

} // namespace

TEST(SummaryOutcomes, AcceptedDecisionsWithoutOutcomeCountAsNotApplied) {
  Summary summary(Period::month);
  // r1: decision 1 predates post-receive (never counted), 2 applied, 3 refused by the host.
  summary.add(accepted("r1", "2026-02-01T00:00:00Z"), 1);
  summary.add(accepted("r1", "2026-02-02T00:00:00Z"), 2);
  summary.add_outcome({"2026-02-02T00:00:01Z", "r1", "refs/heads/main", "p", 2});
  summary.add(accepted("r1", "2026-03-01T00:00:00Z"), 3);
  // r2 has no post-receive: nothing is known about its outcomes.
  summary.add(accepted("r2", "2026-03-01T00:00:00Z"), 1);
  DecisionView rejected = accepted("r1", "2026-03-02T00:00:00Z");
  rejected.decision = "rejected";
  summary.add(rejected, 4);
  summary.add_outcome({"2026-03-03T00:00:00Z", "r1", "refs/heads/other", "q", 0});
  summary.finish();
  const Counts& t = summary.totals();
  EXPECT_EQ(t.outcomes, 2u);
  EXPECT_EQ(t.outcomes_without_decision, 1u);
  EXPECT_EQ(t.not_applied, 1u);
  EXPECT_EQ(summary.periods().at("2026-03").not_applied, 1u);
  EXPECT_EQ(summary.periods().at("2026-02").outcomes, 1u);
  EXPECT_EQ(summary.to_json()["totals"]["accepted_not_applied"], 1);
}
