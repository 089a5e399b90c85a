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
