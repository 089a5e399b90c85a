// The schema verdict, message by message (word for word), at commit time and on the server.
#include "config/loader.hpp"
#include "schema/evaluate.hpp"
#include "schema/schema_config.hpp"

#include <gtest/gtest.h>

using namespace custody::schema;

namespace {

constexpr int64_t k_now = 1767323045; // 2026-01-02T03:04:05Z

class EvaluateTest : public ::testing::Test {
protected:
  custody::config::Config config = custody::config::default_config();
  CommitFacts facts;

  void SetUp() override {
    facts.id = std::string(40, 'c');
    facts.author = {"Alice Developer", "alice@example.com", k_now};
    facts.committer = facts.author;
    facts.now = k_now;
  }

  void on_server(const std::string& ref = "refs/heads/main", bool is_protected = true,
                 std::vector<std::string> paths = {"src/app.cpp"}) {
    facts.target_ref = ref;
    facts.target_protected = is_protected;
    facts.changed_paths = paths;
  }

  std::vector<std::string> findings(Stage stage) {
    auto ev = evaluate_commit(config, facts, stage);
    std::vector<std::string> out;
    for (const auto& f : ev.findings)
      out.push_back(std::string(f.severity == Severity::error ? "error" : "warning") + " [" +
                    f.rule + "]: " + f.message);
    return out;
  }
};

using Lines = std::vector<std::string>;

const std::string k_reviewed =
    "Add login\n\nAI-Generated: claude-code/opus-4\nReviewed-By: Jane Doe "
    "<jane@example.com>\nReview-Date: 2026-01-01\n";

} // namespace

TEST_F(EvaluateTest, HumanCommitWithoutTrailersPasses) {
  facts.message = "Fix typo\n";
  on_server();
  EXPECT_EQ(findings(Stage::server), Lines{});
  EXPECT_EQ(findings(Stage::commit_msg), Lines{});
}

TEST_F(EvaluateTest, ReviewedAiCommitPassesAndReportsEvidence) {
  facts.message = k_reviewed;
  on_server();
  auto ev = evaluate_commit(config, facts, Stage::server);
  EXPECT_EQ(ev.findings.size(), 0u);
  EXPECT_TRUE(ev.ai_assisted);
  EXPECT_EQ(ev.ai_tool, "claude-code/opus-4");
  ASSERT_EQ(ev.reviewers.size(), 1u);
  EXPECT_EQ(ev.reviewers[0].identity.display(), "Jane Doe <jane@example.com>");
  EXPECT_EQ(ev.review_date, "2026-01-01");
}

TEST_F(EvaluateTest, KeysMatchCaseInsensitively) {
  facts.message =
      "Add login\n\nai-generated: claude\nreviewed-by: Jane Doe <jane@example.com>\nREVIEW-DATE: "
      "2026-01-01\n";
  on_server();
  EXPECT_EQ(findings(Stage::server), Lines{});
}

TEST_F(EvaluateTest, UnreviewedAiCommitIsAWarningAtCommitTimeAndAnErrorOnTheServer) {
  facts.message = "Add login\n\nAI-Generated: claude-code/opus-4\n";
  EXPECT_EQ(findings(Stage::commit_msg),
            Lines{"warning [trailers.ai-review]: an AI-assisted commit on a protected ref needs a "
                  "human reviewer and "
                  "a review date; missing a human reviewer (Reviewed-By or Approved-By; not the "
                  "author, not an "
                  "agent), the Review-Date trailer (the server requires this on a protected ref)"});
  on_server();
  EXPECT_EQ(findings(Stage::server), Lines{"error [trailers.ai-review]: an AI-assisted commit on a "
                                           "protected ref needs a human reviewer and a "
                                           "review date; missing a human reviewer (Reviewed-By or "
                                           "Approved-By; not the author, not an agent), "
                                           "the Review-Date trailer"});
}

TEST_F(EvaluateTest, SiteCanMakeReviewAnErrorAtCommitTime) {
  config.edit<SchemaConfig>().rules[1].commit_time = CommitTime::error;
  facts.message = "Add login\n\nAI-Generated: claude-code/opus-4\nReview-Date: 2026-01-01\n";
  EXPECT_EQ(findings(Stage::commit_msg), Lines{"error [trailers.ai-review]: an AI-assisted commit "
                                               "on a protected ref needs a human reviewer and a "
                                               "review date; missing a human reviewer (Reviewed-By "
                                               "or Approved-By; not the author, not an agent) "
                                               "(the server requires this on a protected ref)"});
}

TEST_F(EvaluateTest, UnprotectedRefsNeedNoReview) {
  facts.message = "Add login\n\nAI-Generated: claude-code/opus-4\n";
  on_server("refs/heads/feature/x", false);
  EXPECT_EQ(findings(Stage::server), Lines{});
}

TEST_F(EvaluateTest, AgentSessionWithoutLabelIsAnError) {
  facts.message = "Add login\n";
  facts.agent_session = true;
  EXPECT_EQ(
      findings(Stage::commit_msg),
      (Lines{"error [trailers.ai-label]: work by an agent (agent author, co-author or agent "
             "session) must say "
             "so with AI-Generated; missing the AI-Generated trailer",
             "warning [trailers.ai-review]: an AI-assisted commit on a protected ref needs a human "
             "reviewer "
             "and a review date; missing a human reviewer (Reviewed-By or Approved-By; not the "
             "author, not an "
             "agent), the Review-Date trailer (the server requires this on a protected ref)"}));
}

TEST_F(EvaluateTest, AgentAuthorOrCoAuthorMakesItAgentWork) {
  facts.message =
      "Add login\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\n";
  on_server("refs/heads/feature/x", false);
  EXPECT_EQ(findings(Stage::server), Lines{"error [trailers.ai-label]: work by an agent (agent "
                                           "author, co-author or agent session) must say so "
                                           "with AI-Generated; missing the AI-Generated trailer"});
  facts.message = "Add login\n";
  facts.author = {"dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", k_now};
  auto ev = evaluate_commit(config, facts, Stage::server);
  EXPECT_TRUE(ev.agent_identity);
  EXPECT_TRUE(ev.ai_assisted);
  EXPECT_EQ(ev.findings.size(), 1u);
}

TEST_F(EvaluateTest, SelfReviewAndAgentReviewerAreErrorsEverywhere) {
  facts.message =
      "Add login\n\nAI-Generated: claude\nReviewed-By: Alice D <ALICE@example.com>\nApproved-By: "
      "claude <noreply@anthropic.com>\nReview-Date: 2026-01-01\n";
  Lines expected = {
      "error [trailers.self-review]: Reviewed-By: Alice D <ALICE@example.com> is the commit's "
      "author; a review must "
      "come from someone else",
      "error [trailers.agent-reviewer]: Approved-By: claude <noreply@anthropic.com> is an agent "
      "account (it matches "
      "[agents]); a review must come from a human",
  };
  auto commit_time = expected;
  commit_time.push_back(
      "warning [trailers.ai-review]: an AI-assisted commit on a protected ref needs a human "
      "reviewer and a review date; missing a human reviewer (Reviewed-By or Approved-By; not the "
      "author, not an agent) (the server requires this on a protected ref)");
  EXPECT_EQ(findings(Stage::commit_msg), commit_time);
}

TEST_F(EvaluateTest, MistypedValues) {
  facts.message = "Add login\n\nAI-Generated: /opus\nReviewed-By: jane\nReview-Date: yesterday\n";
  EXPECT_EQ(findings(Stage::commit_msg),
            (Lines{"error [trailers.value]: AI-Generated: \"/opus\" does not match the pattern "
                   "^[^/\\s](?:[^/]*[^/\\s])?(?:/[^/\\s](?:[^/]*[^/\\s])?){0,2}$; expected "
                   "tool[/model][/version], "
                   "e.g. \"claude-code/opus-4\"",
                   "error [trailers.value]: Reviewed-By: \"jane\" is not an identity; expected "
                   "\"Name <email>\", "
                   "e.g. \"Reviewed-By: Jane Doe <jane@example.com>\"",
                   "error [trailers.value]: Review-Date: \"yesterday\" is not an ISO 8601 date; "
                   "expected a date like "
                   "2026-01-02 or 2026-01-02T14:30:00Z",
                   "warning [trailers.ai-review]: an AI-assisted commit on a protected ref needs a "
                   "human reviewer "
                   "and a review date; missing a human reviewer (Reviewed-By or Approved-By; not "
                   "the author, not an "
                   "agent) (the server requires this on a protected ref)"}));
}

TEST_F(EvaluateTest, EmptyValueIsMalformed) {
  facts.message = "Add login\n\nAI-Generated:\n";
  auto f = findings(Stage::commit_msg);
  ASSERT_FALSE(f.empty());
  EXPECT_EQ(f[0], "error [trailers.value]: AI-Generated: the value is empty; expected "
                  "tool[/model][/version], e.g. "
                  "\"claude-code/opus-4\"");
}

TEST_F(EvaluateTest, FutureReviewDateWithOneDayOfSkew) {
  on_server();
  facts.message = k_reviewed;
  facts.message.replace(facts.message.find("2026-01-01"), 10, "2026-01-03"); // within a day
  EXPECT_EQ(findings(Stage::server), Lines{});
  facts.message.replace(facts.message.find("2026-01-03"), 10, "2026-01-04");
  EXPECT_EQ(findings(Stage::server),
            (Lines{"error [trailers.future-date]: Review-Date: 2026-01-04 is in the future (now is "
                   "2026-01-02T03:04:05Z); a review cannot be dated before it happened"}));
}

TEST_F(EvaluateTest, MalformedTrailerLines) {
  facts.message = "Add login\n\nAI-Generated: claude\nReviewed By: Jane Doe <jane@example.com>\n";
  // Both lines are lost: the bad one, and the good one whose block the bad one kills.
  EXPECT_EQ(
      findings(Stage::commit_msg)[0],
      "error [trailers.malformed]: line 3: \"AI-Generated: claude\" is not read as a trailer by "
      "git: it is not "
      "in the trailer block (the last paragraph, after a blank line, with every line a trailer)");
  EXPECT_EQ(findings(Stage::commit_msg)[1], "error [trailers.malformed]: line 4: \"Reviewed By: "
                                            "Jane Doe <jane@example.com>\" is not read as a "
                                            "trailer by git: a trailer is \"Key: value\" at the "
                                            "start of a line, the key made of letters, digits and "
                                            "'-' (\"Reviewed-By\")");
  // A well-formed line outside the block: prose in the last paragraph kills the whole block.
  facts.message = "Add login\n\nReviewed-By: Jane Doe <jane@example.com>\nThanks for the review!\n";
  EXPECT_EQ(findings(Stage::commit_msg)[0], "error [trailers.malformed]: line 3: \"Reviewed-By: "
                                            "Jane Doe <jane@example.com>\" is not read as a "
                                            "trailer by git: it is not in the trailer block (the "
                                            "last paragraph, after a blank line, with every line "
                                            "a trailer)");
}

TEST_F(EvaluateTest, RiskyPathsNeedTwoDistinctHumanReviewers) {
  on_server("refs/heads/main", true, {"README.md", "src/auth/login.go"});
  facts.message = k_reviewed;
  EXPECT_EQ(findings(Stage::server), Lines{"error [trailers.risky-paths]: an AI-assisted commit "
                                           "changing security-sensitive paths needs two "
                                           "distinct human reviewers; missing 2 distinct human "
                                           "reviewers (Reviewed-By or Approved-By; not the "
                                           "author, not an agent), has 1"});
  facts.message += "Approved-By: Jane Doe <JANE@example.com>\n"; // the same person twice
  EXPECT_EQ(findings(Stage::server).size(), 1u);
  facts.message += "Approved-By: John Roe <john@example.com>\n";
  EXPECT_EQ(findings(Stage::server), Lines{});
  // At commit time the staged paths are not known: path rules are left to the server.
  facts.message =
      "Add login\n\nAI-Generated: claude\nReviewed-By: Jane Doe <jane@example.com>\nReview-Date: "
      "2026-01-01\n";
  facts.changed_paths.reset();
  EXPECT_EQ(findings(Stage::commit_msg), Lines{});
}

TEST_F(EvaluateTest, MergeReviewCoversMergedCommitsButNotTheirAuthorsSelfReview) {
  on_server();
  facts.message = "Add login\n\nAI-Generated: claude\n";
  facts.covered_by = std::string(40, 'm');
  facts.covering_reviewers = {{"Jane Doe", "jane@example.com"}};
  facts.covering_review_date = "2026-01-01";
  auto ev = evaluate_commit(config, facts, Stage::server);
  EXPECT_EQ(ev.findings.size(), 0u);
  EXPECT_EQ(ev.review_date, "2026-01-01");
  facts.covering_reviewers = {{"Alice", "alice@example.com"}}; // the merged commit's own author
  EXPECT_EQ(findings(Stage::server), Lines{"error [trailers.ai-review]: an AI-assisted commit on a "
                                           "protected ref needs a human reviewer and a "
                                           "review date; missing a human reviewer (Reviewed-By or "
                                           "Approved-By; not the author, not an agent)"});
}

TEST_F(EvaluateTest, DividerLinesAreOrdinaryTextInCommits) {
  on_server();
  facts.message = "Add login\n\n---\n\nAI-Generated: claude\nReviewed-By: Jane Doe "
                  "<jane@example.com>\nReview-Date: "
                  "2026-01-01\n";
  EXPECT_EQ(findings(Stage::server), Lines{});
}

TEST_F(EvaluateTest, CustomRulesWithEnumAndRefConditions) {
  KeySpec level;
  level.key = "Risk";
  level.type = ValueType::enumeration;
  level.values = {"low", "high"};
  config.edit<SchemaConfig>().keys.push_back(level);
  Rule rule;
  rule.id = "release-risk";
  rule.description = "release branches record a risk level";
  rule.when.refs = {
      *custody::util::Glob::compile("refs/heads/release/*", custody::util::GlobSyntax::path)};
  rule.require = {"Risk"};
  config.edit<SchemaConfig>().rules.push_back(rule);
  facts.message = "Bump\n\nRisk: medium\n";
  on_server("refs/heads/release/2", true);
  EXPECT_EQ(findings(Stage::server),
            Lines{"error [trailers.value]: Risk: \"medium\" is not one of: low, high"});
  facts.message = "Bump\n";
  EXPECT_EQ(findings(Stage::server), Lines{"error [trailers.release-risk]: release branches record "
                                           "a risk level; missing the Risk trailer"});
  facts.target_ref.reset();
  facts.target_protected.reset();
  EXPECT_EQ(findings(Stage::commit_msg),
            Lines{"warning [trailers.release-risk]: release branches record a risk level; missing "
                  "the Risk trailer "
                  "(the server requires this on refs/heads/release/*)"});
  on_server("refs/heads/main", true);
  EXPECT_EQ(findings(Stage::server), Lines{});
}

TEST(IdentityValueTest, ParsesNameAndEmailStrictly) {
  EXPECT_EQ(parse_identity("Jane Doe <jane@example.com>")->display(),
            "Jane Doe <jane@example.com>");
  EXPECT_EQ(parse_identity("  J <j@x.io> ")->email, "j@x.io");
  EXPECT_FALSE(parse_identity("jane@example.com"));
  EXPECT_FALSE(parse_identity("<jane@example.com>"));
  EXPECT_FALSE(parse_identity("Jane <jane@example>"));
  EXPECT_FALSE(parse_identity("Jane <jane@example.com> extra"));
  EXPECT_FALSE(parse_identity("Jane <ja ne@example.com>"));
  EXPECT_FALSE(parse_identity("Jane <a@b@example.com>"));
  EXPECT_TRUE(is_email("a.b+c@sub.example.org"));
  EXPECT_FALSE(is_email("@example.com"));
}

TEST_F(EvaluateTest, ReviewDateBeforeTheAuthorDateIsRefusedBeyondOneDay) {
  on_server();
  facts.message = k_reviewed; // Review-Date: 2026-01-01, the author date is 2026-01-02T03:04:05Z
  EXPECT_EQ(findings(Stage::server), Lines{});
  facts.message.replace(facts.message.find("2026-01-01"), 10, "2026-01-01T03:04:04Z");
  EXPECT_EQ(findings(Stage::server),
            (Lines{"error [trailers.past-date]: Review-Date: 2026-01-01T03:04:04Z is before the "
                   "commit was written (author date 2026-01-02T03:04:05Z); a review cannot be "
                   "dated before the work it reviews"}));
  facts.message.replace(facts.message.find("2026-01-01T03:04:04Z"), 20, "2025-12-31");
  EXPECT_EQ(findings(Stage::server).size(), 1u);
}

TEST_F(EvaluateTest, ReviewDateBefore2000IsRefused) {
  on_server();
  facts.author.time = 0; // even with no author date to compare with
  facts.message = k_reviewed;
  facts.message.replace(facts.message.find("2026-01-01"), 10, "1999-12-31");
  EXPECT_EQ(findings(Stage::server),
            (Lines{"error [trailers.past-date]: Review-Date: 1999-12-31 is before 2000-01-01; a "
                   "review cannot be dated before it happened"}));
}

TEST_F(EvaluateTest, RiskyPathsMatchInEitherCaseUnlessConfiguredCaseSensitive) {
  facts.message = k_reviewed;
  on_server("refs/heads/main", true, {"src/Auth/Token.go"});
  auto f = findings(Stage::server);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].substr(0, 30), "error [trailers.risky-paths]: ");
  config.edit<SchemaConfig>().paths_case_sensitive = true;
  EXPECT_EQ(findings(Stage::server), Lines{});
}
