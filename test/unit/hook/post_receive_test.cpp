#include "hook/post_receive.hpp"
#include "util/json.hpp"

#include <gtest/gtest.h>

using namespace custody;
using namespace custody::hook;

namespace {

std::string decision(uint64_t seq, const std::string& ref, const std::string& old_oid,
                     const std::string& new_oid, const std::string& verdict = "accepted",
                     const std::string& hook = "pre-receive") {
  return util::dump_compact({{"seq", seq},
                             {"type", "decision"},
                             {"hook", hook},
                             {"push_id", "p" + std::to_string(seq)},
                             {"ref", ref},
                             {"old", old_oid},
                             {"new", new_oid},
                             {"decision", verdict},
                             {"hash", "h" + std::to_string(seq)}});
}

std::string outcome(uint64_t seq, uint64_t decision_seq) {
  return util::dump_compact(
      {{"seq", seq}, {"type", "outcome"}, {"decision", {{"seq", decision_seq}, {"hash", "x"}}}});
}

} // namespace

TEST(PostReceive, LinksEachMovedRefToTheNewestAcceptingDecision) {
  std::vector<std::string> records = {
      decision(1, "refs/heads/main", "a", "b"),
      decision(2, "refs/heads/main", "a", "b", "rejected"),
      decision(3, "refs/heads/main", "a", "b"),
      decision(4, "refs/heads/topic", "0", "c"),
      decision(5, "refs/heads/main", "a", "b", "accepted", "post-receive"),
  };
  auto links = link_decisions(records, {{"a", "b", "refs/heads/main"},
                                        {"0", "c", "refs/heads/topic"},
                                        {"b", "d", "refs/heads/main"}});
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].seq, 3u);
  EXPECT_EQ(links[0].hash, "h3");
  EXPECT_EQ(links[0].push_id, "p3");
  EXPECT_EQ(links[1].seq, 4u);
  EXPECT_EQ(links[2].seq, 0u) << "no decision for that update";
}

TEST(PostReceive, ADecisionAnOutcomeAlreadyNamesIsNotLinkedAgain) {
  std::vector<std::string> records = {decision(1, "refs/heads/main", "a", "b"),
                                      decision(2, "refs/heads/main", "a", "b"), outcome(3, 2)};
  auto links = link_decisions(records, {{"a", "b", "refs/heads/main"}});
  EXPECT_EQ(links[0].seq, 1u);
}
