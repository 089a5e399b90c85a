// Review assurance per reviewer (schema/assurance.hpp): what raises a reviewer above `claimed`,
// and what a required level refuses, word for word.
#include "config/loader.hpp"
#include "schema/evaluate.hpp"

#include <gtest/gtest.h>

using namespace custody::schema;

namespace {

constexpr int64_t k_now = 1767323045; // 2026-01-02T03:04:05Z

const char* k_registry = R"([[people]]
name = "Alice Developer"
kind = "human"
emails = ["alice@example.com"]
accounts = ["alice"]

[[people]]
name = "Jane Doe"
kind = "human"
emails = ["jane@example.com"]
accounts = ["jane"]
)";

class AssuranceTest : public ::testing::Test {
protected:
  custody::config::Config config = custody::config::default_config(false);
  CommitFacts facts;

  void SetUp() override {
    custody::config::Diagnostics d;
    custody::config::apply_layer(config, k_registry, "site.toml", d, false);
    ASSERT_TRUE(d.empty());
    facts.id = std::string(40, 'c');
    facts.author = {"Alice Developer", "alice@example.com", k_now};
    facts.committer = facts.author;
    facts.now = k_now;
    facts.target_ref = "refs/heads/main";
    facts.target_protected = true;
    facts.changed_paths = std::vector<std::string>{"src/app.cpp"};
    facts.message = "Add login\n\nAI-Generated: claude-code/opus-4\nReviewed-By: Jane Doe "
                    "<jane@example.com>\nReview-Date: 2026-01-01\n";
  }

  Assurance level() {
    auto ev = evaluate_commit(config, facts, Stage::server);
    EXPECT_EQ(ev.reviewers.size(), 1u);
    return ev.reviewers.empty() ? Assurance::claimed : ev.reviewers[0].assurance;
  }
};

} // namespace

TEST_F(AssuranceTest, ATrailerAloneIsClaimed) {
  EXPECT_EQ(level(), Assurance::claimed);
}

TEST_F(AssuranceTest, TheReviewerPushingIsPusher) {
  facts.evidence.pusher_account = "jane";
  EXPECT_EQ(level(), Assurance::pusher);
  facts.evidence.pusher_account = "alice";
  EXPECT_EQ(level(), Assurance::claimed);
}

TEST_F(AssuranceTest, TheReviewersSignatureIsSigned) {
  facts.evidence.signers = {"Jane Doe"};
  EXPECT_EQ(level(), Assurance::signed_);
  facts.evidence.signers = {"Alice Developer"};
  EXPECT_EQ(level(), Assurance::claimed);
}

TEST_F(AssuranceTest, PlatformNeedsThePlatformsFormatAndNoSelfMerge) {
  facts.evidence.platform = "gitea";
  facts.evidence.pusher_account = "carol";
  EXPECT_EQ(level(), Assurance::claimed); // "Reviewed-By", no Reviewed-on: not Gitea's message
  facts.message =
      "Add login (#3)\n\nAI-Generated: claude-code/opus-4\nReviewed-on: "
      "https://gitea.example.com/a/b/pulls/3\nReviewed-by: Jane Doe <jane@example.com>\n";
  EXPECT_EQ(level(), Assurance::platform);
  facts.evidence.pusher_account = "alice"; // the author squash-merges her own change
  EXPECT_EQ(level(), Assurance::claimed);
  facts.evidence.pusher_account = "carol";
  facts.evidence.platform = "gitlab"; // GitLab approvals are Approved-by lines
  EXPECT_EQ(level(), Assurance::claimed);
}

TEST_F(AssuranceTest, ARequiredLevelRefusesWeakerReviewersWithTheFix) {
  facts.min_assurance = Assurance::signed_;
  facts.evidence.pusher_account = "jane";
  auto ev = evaluate_commit(config, facts, Stage::server);
  ASSERT_EQ(ev.findings.size(), 1u);
  EXPECT_EQ(ev.findings[0].rule, "trailers.ai-review");
  EXPECT_EQ(ev.findings[0].message,
            "an AI-assisted commit on a protected ref needs a human reviewer and a review date; "
            "missing 1 reviewer proven at assurance \"signed\" or stronger, has 0 (Jane Doe "
            "<jane@example.com> is pusher)");
  EXPECT_EQ(ev.findings[0].hints.size(), 4u); // SSH commit, merge, push; then OpenPGP
  EXPECT_TRUE(ev.findings[0].missing_trailers.empty());
  // At commit time nothing but the message is known: the level is not asked for.
  EXPECT_EQ(evaluate_commit(config, facts, Stage::commit_msg).errors(), 0u);
}

TEST_F(AssuranceTest, OnePersonCountsOnceWhateverTheAddress) {
  facts.message = "Add login\n\nAI-Generated: claude-code/opus-4\nReviewed-By: Jane Doe "
                  "<jane@example.com>\nReviewed-By: J. Doe <jane+2@example.com>\nReview-Date: "
                  "2026-01-01\n";
  EXPECT_EQ(evaluate_commit(config, facts, Stage::server).reviewers.size(), 1u);
}
