// The server-side trailer check over real repositories: what a protected ref gains, merge-based
// review, commits already on other protected refs, the cut-over, and the ledger evidence.
#include "config/loader.hpp"
#include "policy/push_context.hpp"
#include "schema/push_check.hpp"
#include "schema/schema_config.hpp"
#include "support/git_sandbox.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace custody;

namespace {

constexpr int64_t k_now = 1767323045; // 2026-01-02T03:04:05Z

const std::string k_review = "Reviewed-By: Jane Doe <jane@example.com>\nReview-Date: 2026-01-01\n";

class PushCheckTest : public ::testing::Test {
protected:
  test::GitSandbox sandbox;
  config::Config config = config::default_config();
  util::Environment env = util::Environment::from_map({});
  std::ostringstream notes;
  std::string base;

  void SetUp() override { base = sandbox.commit("README", "Initial commit\n"); }

  std::vector<policy::RefDecision> check(const std::string& ref, const std::string& old_oid,
                                         const std::string& new_oid, bool is_protected = true) {
    // As in pre-receive: the ref still points at its old value while the hook runs.
    if (old_oid == std::string(40, '0'))
      sandbox.run("git update-ref -d " + ref + " || true");
    else
      sandbox.run("git update-ref " + ref + " " + old_oid);
    auto repo = git::Repo::open(sandbox.path());
    EXPECT_TRUE(repo.ok());
    policy::PushScope scope(*repo, {{old_oid, new_oid, ref}}, policy::Objects::stored, false);
    policy::PushContext ctx{config,
                            *repo,
                            {"alice", "CUSTODY_PUSHER", false, ""},
                            policy::HookKind::pre_receive,
                            {},
                            env,
                            k_now,
                            notes,
                            scope};
    policy::RefDecision d;
    d.update = {old_oid, new_oid, ref};
    d.kind = refs::UpdateKind::fast_forward;
    if (is_protected)
      d.rulesets = config.get<policy::Rulesets>().targeting(ref);
    d.is_protected = !d.rulesets.empty();
    std::vector<policy::RefDecision> decisions{d};
    schema::check_push(ctx, decisions);
    return decisions;
  }
};

} // namespace

TEST_F(PushCheckTest, RejectsAnUnreviewedAiCommitWithOneBlockPerCommit) {
  sandbox.run("git checkout -q -b feature");
  std::string ai =
      sandbox.commit("src/login.cpp", "Add login\n\nAI-Generated: claude-code/opus-4\n");
  std::string human = sandbox.commit("src/login.cpp", "Tidy login\n");
  auto d = check("refs/heads/main", base, human);
  ASSERT_EQ(d[0].violations.size(), 1u);
  const auto& v = d[0].violations[0];
  EXPECT_EQ(v.rule, "trailers.ai-review");
  EXPECT_EQ(v.control, "CC8.1");
  EXPECT_EQ(v.commit, ai);
  EXPECT_EQ(v.ref, "refs/heads/main");
  EXPECT_EQ(
      v.message,
      "commit " + ai.substr(0, 7) +
          " \"Add login\": an AI-assisted commit on a protected ref needs a human reviewer and a "
          "review date; missing a human reviewer (Reviewed-By or Approved-By; not the author, not "
          "an agent), the Review-Date trailer");
  ASSERT_EQ(v.hints.size(), 2u);
  EXPECT_EQ(
      v.hints[0],
      "git rebase -i " + ai.substr(0, 7) + "~1 (mark " + ai.substr(0, 7) +
          " as \"edit\"), then: git commit --amend --no-edit --trailer \"Reviewed-By: Jane Doe "
          "<jane@example.com>\" --trailer \"Review-Date: 2026-01-02\" && git rebase --continue");
  EXPECT_EQ(v.hints[1],
            "or merge it with a merge commit that carries the review (Reviewed-By: Jane Doe "
            "<jane@example.com>): a reviewed merge commit covers the commits it brings in");
  const auto& evidence = d[0].evidence["commits"];
  ASSERT_EQ(evidence.size(), 2u);
  EXPECT_EQ(evidence[0]["id"], ai);
  EXPECT_EQ(evidence[0]["author"], "Alice Developer <alice@example.com>");
  EXPECT_EQ(evidence[0]["ai_tool"], "claude-code/opus-4");
  EXPECT_EQ(evidence[0]["verdict"], "rejected");
  EXPECT_EQ(evidence[1]["verdict"], "ok");
  EXPECT_FALSE(evidence[1].value("ai_assisted", false)); // compact: only set when true
}

TEST_F(PushCheckTest, TipCommitGetsAnAmendFix) {
  std::string ai = sandbox.commit("a.txt", "Add a\n\nAI-Generated: codex\n");
  auto d = check("refs/heads/main", base, ai);
  ASSERT_EQ(d[0].violations.size(), 1u);
  EXPECT_EQ(d[0].violations[0].hints[0],
            "git commit --amend --no-edit --trailer \"Reviewed-By: Jane Doe "
            "<jane@example.com>\" --trailer \"Review-Date: 2026-01-02\"");
}

TEST_F(PushCheckTest, AcceptsAReviewedAiCommitAndRecordsTheReview) {
  std::string ai = sandbox.commit("a.txt", "Add a\n\nAI-Generated: codex\n" + k_review);
  auto d = check("refs/heads/main", base, ai);
  EXPECT_TRUE(d[0].violations.empty());
  const auto& e = d[0].evidence["commits"][0];
  EXPECT_EQ(e["reviewers"],
            util::Json::parse(
                R"([{"name":"Jane Doe","email":"jane@example.com","assurance":"claimed"}])"));
  EXPECT_EQ(e["review_date"], "2026-01-01");
  EXPECT_EQ(e["verdict"], "ok");
}

TEST_F(PushCheckTest, UnprotectedRefsAndDeletionsAreNotChecked) {
  std::string ai = sandbox.commit("a.txt", "Add a\n\nAI-Generated: codex\n");
  EXPECT_TRUE(check("refs/heads/feature", base, ai, false)[0].violations.empty());
  EXPECT_TRUE(check("refs/heads/main", base, std::string(40, '0'))[0].violations.empty());
}

TEST_F(PushCheckTest, AiCommitAsSecondParentOfAnUnreviewedMergeIsRejected) {
  sandbox.run("git branch -M main && git checkout -q -b feature");
  std::string ai = sandbox.commit("src/f.cpp", "Feature\n\nAI-Generated: claude\n");
  sandbox.run("git checkout -q main");
  sandbox.commit("other.txt", "Other\n");
  sandbox.run("git merge -q --no-ff -m \"Merge feature\" feature");
  std::string merge = sandbox.run("git rev-parse HEAD");
  auto d = check("refs/heads/main", base, merge);
  ASSERT_EQ(d[0].violations.size(), 1u);
  EXPECT_EQ(d[0].violations[0].commit, ai);
}

TEST_F(PushCheckTest, ReviewedMergeCommitCoversTheCommitsItBringsIn) {
  sandbox.run("git checkout -q -b feature");
  std::string ai = sandbox.commit("src/f.cpp", "Feature\n\nAI-Generated: claude\n");
  sandbox.run("git checkout -q main");
  sandbox.commit("other.txt", "Other\n");
  sandbox.run("printf \"Merge feature\\n\\nApproved-By: Jane Doe <jane@example.com>\\nReview-Date: "
              "2026-01-01\\n\" >../mm && git merge -q --no-ff -F ../mm feature");
  std::string merge = sandbox.run("git rev-parse HEAD");
  auto d = check("refs/heads/main", base, merge);
  EXPECT_TRUE(d[0].violations.empty()) << d[0].violations[0].message;
  const auto& commits = d[0].evidence["commits"];
  bool found = false;
  for (const auto& c : commits)
    if (c["id"] == ai) {
      found = true;
      EXPECT_EQ(c["covered_by"], merge);
      EXPECT_EQ(c["reviewers"],
                util::Json::parse(
                    R"([{"name":"Jane Doe","email":"jane@example.com","assurance":"claimed"}])"));
    }
  EXPECT_TRUE(found);
}

TEST_F(PushCheckTest, MergeReviewByTheMergedCommitsAuthorDoesNotCover) {
  sandbox.run("git checkout -q -b feature");
  sandbox.commit("src/f.cpp", "Feature\n\nAI-Generated: claude\n", "Bob Builder <bob@example.com>");
  sandbox.run("git checkout -q main");
  sandbox.commit("other.txt", "Other\n");
  sandbox.run(
      "printf \"Merge feature\\n\\nReviewed-By: Bob Builder <bob@example.com>\\nReview-Date: "
      "2026-01-01\\n\" >../mm && git merge -q --no-ff -F ../mm feature");
  auto d = check("refs/heads/main", base, sandbox.run("git rev-parse HEAD"));
  ASSERT_EQ(d[0].violations.size(), 1u);
  EXPECT_EQ(d[0].violations[0].rule, "trailers.ai-review");
}

TEST_F(PushCheckTest, CommitsOnAnotherProtectedRefCountAsChecked) {
  std::string ai = sandbox.commit("a.txt", "Add a\n\nAI-Generated: codex\n");
  sandbox.run("git update-ref refs/heads/release/1 " + ai + " && git update-ref refs/heads/main " +
              base);
  auto d = check("refs/heads/release/2", std::string(40, '0'), ai);
  EXPECT_TRUE(d[0].violations.empty());
  EXPECT_EQ(d[0].evidence["commits"].size(), 0u);
}

TEST_F(PushCheckTest, CommitsPushedToAFeatureBranchFirstAreStillChecked) {
  std::string ai = sandbox.commit("a.txt", "Add a\n\nAI-Generated: codex\n");
  sandbox.run("git update-ref refs/heads/feature " + ai + " && git update-ref refs/heads/main " +
              base);
  EXPECT_EQ(check("refs/heads/main", base, ai)[0].violations.size(), 1u);
}

TEST_F(PushCheckTest, RiskyPathsNeedTwoReviewers) {
  std::string ai = sandbox.commit("src/auth/token.go", "Token\n\nAI-Generated: codex\n" + k_review);
  auto d = check("refs/heads/main", base, ai);
  ASSERT_EQ(d[0].violations.size(), 1u);
  EXPECT_EQ(d[0].violations[0].rule, "trailers.risky-paths");
  std::string ok =
      sandbox.commit("src/auth/token.go", "Token 2\n\nAI-Generated: codex\n" + k_review +
                                              "Approved-By: John Roe <john@example.com>\n");
  EXPECT_TRUE(check("refs/heads/main", ai, ok)[0].violations.empty());
}

TEST_F(PushCheckTest, CutOverByCommitOrDate) {
  std::string old_ai = sandbox.commit("a.txt", "Old AI work\n\nAI-Generated: codex\n");
  std::string new_ai = sandbox.commit("b.txt", "New AI work\n\nAI-Generated: codex\n");
  config.edit<schema::SchemaConfig>().exempt_before_commit = old_ai;
  auto d = check("refs/heads/main", base, new_ai);
  ASSERT_EQ(d[0].violations.size(), 1u);
  EXPECT_EQ(d[0].violations[0].commit, new_ai);
  config.edit<schema::SchemaConfig>().exempt_before_commit.clear();
  auto& schema = config.edit<schema::SchemaConfig>();
  schema.exempt_before_time = k_now; // every sandbox commit is dated 2026-01-01
  // A date alone exempts nothing: the pusher chooses committer dates.
  d = check("refs/heads/main", base, new_ai);
  EXPECT_EQ(d[0].violations.size(), 2u);
  // Only commits reachable from the protected tips recorded at the cut-over are exempt.
  schema.exempt_before_tips = std::vector<std::string>{old_ai};
  d = check("refs/heads/main", base, new_ai);
  ASSERT_EQ(d[0].violations.size(), 1u);
  EXPECT_EQ(d[0].violations[0].commit, new_ai);
  schema.exempt_before_tips = std::vector<std::string>{new_ai};
  d = check("refs/heads/main", base, new_ai);
  EXPECT_TRUE(d[0].violations.empty());
  EXPECT_EQ(d[0].evidence["commits"][0]["verdict"], "exempt");
  // ...and committed before the date.
  schema.exempt_before_time = k_now - 365 * 86400;
  EXPECT_EQ(check("refs/heads/main", base, new_ai)[0].violations.size(), 2u);
}

TEST_F(PushCheckTest, SelfReviewFutureDateAndAgentReviewerAreRejected) {
  std::string c1 =
      sandbox.commit("a.txt", "Self\n\nAI-Generated: codex\nReviewed-By: Alice Developer "
                              "<alice@example.com>\nReview-Date: 2026-01-01\n");
  std::string c2 = sandbox.commit("b.txt", "Future\n\nAI-Generated: codex\nReviewed-By: Jane Doe "
                                           "<jane@example.com>\nReview-Date: 2030-01-01\n");
  std::string c3 = sandbox.commit("c.txt", "Agent\n\nAI-Generated: codex\nReviewed-By: copilot-swe "
                                           "<copilot@example.com>\nReview-Date: 2026-01-01\n");
  auto d = check("refs/heads/main", base, c3);
  ASSERT_EQ(d[0].violations.size(), 3u);
  EXPECT_EQ(d[0].violations[0].rule, "trailers.self-review");
  EXPECT_EQ(d[0].violations[1].rule, "trailers.future-date");
  EXPECT_EQ(d[0].violations[2].rule, "trailers.agent-reviewer");
  EXPECT_EQ(d[0].violations[0].hints[0],
            "remove the author's or agent's own review trailer; a human other than the "
            "author reviews and adds theirs");
}

TEST_F(PushCheckTest, UnreadableNewTipFailsClosed) {
  auto d = check("refs/heads/main", base, std::string(40, 'e'));
  ASSERT_EQ(d[0].violations.size(), 1u);
  EXPECT_EQ(d[0].violations[0].rule, "trailers.unreadable");
}
