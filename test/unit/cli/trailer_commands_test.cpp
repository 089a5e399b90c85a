// custody trailers / check-message / explain, run in-process through the command table.
#include "cli/command.hpp"
#include "hook/exit_code.hpp"
#include "support/git_sandbox.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run run_custody(std::vector<std::string> args, const std::string& stdin_text,
                const std::filesystem::path& cwd) {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  custody::hook::Io io{
      in, out, err,
      custody::util::Environment::from_map(
          {{"GIT_CONFIG_NOSYSTEM", "1"}, {"CUSTODY_SYSTEM_CONFIG", "/nonexistent.toml"}}),
      cwd};
  args.insert(args.begin(), "custody");
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  int code = custody::cli::custody_main(static_cast<int>(argv.size()), argv.data(), io);
  return {code, out.str(), err.str()};
}

} // namespace

TEST(TrailerCommandsTest, TrailersPrintsWhatGitPrints) {
  custody::test::GitSandbox repo;
  auto r =
      run_custody({"trailers"}, "S\n\nKey: a\r\n b\r\nhttps://x\n--- \nNot: this\n", repo.path());
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "Key: a\r b\nhttps: //x\n");
  r = run_custody({"trailers", "--no-divider", "-"}, "S\n\nKey: v\n--- \n\nOther: w\n",
                  repo.path());
  EXPECT_EQ(r.out, "Other: w\n");
  repo.write_file("msg", "S\n\nA: 1\n");
  EXPECT_EQ(run_custody({"trailers", "msg"}, "", repo.path()).out, "A: 1\n");
  EXPECT_EQ(run_custody({"trailers", "missing"}, "", repo.path()).code,
            custody::hook::k_exit_internal_error);
  EXPECT_EQ(run_custody({"trailers", "--divider"}, "", repo.path()).code,
            custody::hook::k_exit_usage);
}

TEST(TrailerCommandsTest, CheckMessageGivesTheHooksVerdict) {
  custody::test::GitSandbox repo;
  repo.write_file(
      "ok", "Add a\n\nAI-Generated: codex\nReviewed-By: Jane Doe <jane@example.com>\nReview-Date: "
            "2026-01-01\n");
  auto r = run_custody(
      {"check-message", "ok", "--author", "Bob <bob@example.com>", "--now", "2026-01-02"}, "",
      repo.path());
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "ok: the message satisfies the trailer schema\n");
  EXPECT_EQ(r.err, "");
  r = run_custody(
      {"check-message", "ok", "--author", "Jane Doe <JANE@example.com>", "--now", "2026-01-02"}, "",
      repo.path());
  EXPECT_EQ(r.code, custody::hook::k_exit_rejected);
  EXPECT_NE(r.err.find("error [trailers.self-review]"), std::string::npos) << r.err;
  r = run_custody(
      {"check-message", "-", "--agent-session", "CLAUDECODE", "--author", "Bob <bob@example.com>"},
      "Add a\n", repo.path());
  EXPECT_EQ(r.code, custody::hook::k_exit_rejected);
  EXPECT_NE(r.err.find("--trailer \"AI-Generated: claude-code\""), std::string::npos) << r.err;
}

TEST(TrailerCommandsTest, ExplainShowsACheckedExampleAndSuggestsNames) {
  custody::test::GitSandbox repo;
  auto r = run_custody({"explain", "trailers.risky-paths"}, "", repo.path());
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("example that passes (checked):"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    | Reviewed-By: John Roe <john@example.com>\n"), std::string::npos)
      << r.out;
  r = run_custody({"explain", "ai-reveiw"}, "", repo.path());
  EXPECT_EQ(r.code, custody::hook::k_exit_usage);
  EXPECT_EQ(r.err, "custody explain: no rule \"ai-reveiw\"; did you mean \"trailers.ai-review\"? "
                   "(`custody explain` "
                   "lists them)\n");
  for (const char* rule : {"ai-label", "ai-review", "malformed", "self-review"})
    EXPECT_EQ(run_custody({"explain", rule}, "", repo.path()).code, 0) << rule;
}

// Every rule id a violation can carry is explained: the ids of every family, by name or by its
// name without the family prefix, with where the effective configuration turns it on.
TEST(TrailerCommandsTest, ExplainKnowsEveryFamilysRuleIds) {
  custody::test::GitSandbox repo;
  for (const char* rule : {"refs.deletion",
                           "refs.force_push",
                           "refs.tag_move",
                           "refs.creation",
                           "refs.update",
                           "refs.agent_push",
                           "signed_push.nonce",
                           "signed_push.required",
                           "trailers.ai-review",
                           "trailers.unreadable",
                           "push_rules.message_pattern",
                           "push_rules.message_forbidden_pattern",
                           "push_rules.branch_name_pattern",
                           "push_rules.author_email_pattern",
                           "push_rules.prohibited_paths",
                           "push_rules.max_file_bytes",
                           "push_rules.dco",
                           "push_rules.unreadable",
                           "commit_identity.require_signed_commits",
                           "commit_identity.committer_is_pusher",
                           "commit_identity.unreadable",
                           "secrets.secret-file",
                           "secrets.time_budget",
                           "secrets.unavailable",
                           "secrets.regex_limit",
                           "secrets.binary_blob",
                           "secrets.oversize_blob",
                           "secrets.archive-too-deep",
                           "secrets.archive-too-big",
                           "secrets.archive-corrupt",
                           "secrets.archive-encrypted",
                           "secrets.aws-access-key-id",
                           "secrets.private-key-pkcs8"}) {
    auto r = run_custody({"explain", rule}, "", repo.path());
    EXPECT_EQ(r.code, 0) << rule << ": " << r.err;
    EXPECT_EQ(r.out.rfind(rule, 0), 0u) << r.out;
  }
  auto r = run_custody({"explain", "refs.deletion"}, "", repo.path());
  EXPECT_NE(r.out.find("  On in: default (active; refs/heads/main, refs/heads/master, "
                       "refs/heads/release/**, refs/tags/**)"),
            std::string::npos)
      << r.out;
  r = run_custody({"explain", "dco"}, "", repo.path());
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("  On in no ruleset of this configuration.\n"), std::string::npos) << r.out;
  repo.write_file(".git/custody.toml", "[[rulesets]]\nname = \"dco\"\nrefs = [\"refs/heads/**\"]\n"
                                       "enforcement = \"evaluate\"\nrules = { dco = true }\n");
  r = run_custody({"explain", "dco"}, "", repo.path());
  EXPECT_NE(r.out.find("  On in: dco (evaluate; refs/heads/**).\n"), std::string::npos) << r.out;
  r = run_custody({"explain", "unreadable"}, "", repo.path());
  EXPECT_EQ(r.code, custody::hook::k_exit_usage);
  EXPECT_EQ(r.err, "custody explain: \"unreadable\" names several rules: trailers.unreadable "
                   "push_rules.unreadable commit_identity.unreadable (give one in full)\n");
  r = run_custody({"explain", "push_rules.dcoo"}, "", repo.path());
  EXPECT_EQ(r.err, "custody explain: no rule \"push_rules.dcoo\"; did you mean \"push_rules.dco\"? "
                   "(`custody explain` lists them)\n");
}
