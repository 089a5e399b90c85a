// The commit-msg hook run in-process against a real repository, output asserted word for word.
#include "hook/commit_msg.hpp"
#include "hook/exit_code.hpp"
#include "support/git_sandbox.hpp"

#include <gtest/gtest.h>

#include <sstream>

using custody::hook::Io;

namespace {

class CommitMsgTest : public ::testing::Test {
protected:
  custody::test::GitSandbox repo;
  std::istringstream in;
  std::ostringstream out, err;
  std::map<std::string, std::string> env = {{"GIT_AUTHOR_NAME", "Alice Developer"},
                                            {"GIT_AUTHOR_EMAIL", "alice@example.com"},
                                            {"CUSTODY_NOW", "1767323045"}, // 2026-01-02T03:04:05Z
                                            {"CUSTODY_SYSTEM_CONFIG", "/nonexistent/custody.toml"}};

  int run(const std::string& message) {
    repo.write_file(".git/COMMIT_EDITMSG", message);
    Io io{in, out, err, custody::util::Environment::from_map(env), repo.path()};
    std::string arg0 = "commit-msg", arg1 = ".git/COMMIT_EDITMSG";
    char* argv[] = {arg0.data(), arg1.data(), nullptr};
    return custody::hook::commit_msg_main(2, argv, io);
  }
};

} // namespace

TEST_F(CommitMsgTest, PlainHumanCommitPassesSilently) {
  EXPECT_EQ(run("Fix typo\n\n# Please enter the commit message for your changes.\n"), 0);
  EXPECT_EQ(err.str(), "");
}

TEST_F(CommitMsgTest, WarnsOnAnUnreviewedAiCommitWithAPasteableFix) {
  EXPECT_EQ(run("Add login\n\nAI-Generated: claude-code/opus-4\n"), 0);
  EXPECT_EQ(
      err.str(),
      "custody commit-msg: warning [trailers.ai-review]: an AI-assisted commit on a protected ref "
      "needs a human reviewer and a review date; missing a human reviewer (Reviewed-By or "
      "Approved-By; not the author, not an agent), the Review-Date trailer (the server requires "
      "this on a protected ref)\n"
      "    after review: git commit --amend --no-edit --trailer \"Reviewed-By: Jane Doe "
      "<jane@example.com>\" --trailer \"Review-Date: 2026-01-02\"\n");
}

TEST_F(CommitMsgTest, RefusesAnAgentSessionCommitWithoutAiGenerated) {
  env["CLAUDECODE"] = "1";
  EXPECT_EQ(run("Add login\n\nReviewed-By: Jane Doe <jane@example.com>\nReview-Date: 2026-01-01\n"),
            custody::hook::k_exit_rejected);
  EXPECT_EQ(err.str(),
            "custody commit-msg: commit refused: 1 problem with the commit message's trailers\n"
            "  error [trailers.ai-label]: work by an agent (agent author, co-author or agent "
            "session) must "
            "say so with AI-Generated; missing the AI-Generated trailer\n"
            "    fix: git commit --cleanup=strip -F .git/COMMIT_EDITMSG --trailer \"AI-Generated: "
            "claude-code\"\n"
            "hint: your message is kept in .git/COMMIT_EDITMSG\n");
}

TEST_F(CommitMsgTest, RefusesMalformedTrailers) {
  EXPECT_EQ(run("Add login\n\nAI-Generated: claude\nReviewed-by: jane\nReview-Date: 2026-01-01\n"),
            custody::hook::k_exit_rejected);
  EXPECT_EQ(err.str().substr(0, err.str().find("custody commit-msg: warning")),
            "custody commit-msg: commit refused: 1 problem with the commit message's trailers\n"
            "  error [trailers.value]: Reviewed-by: \"jane\" is not an identity; expected \"Name "
            "<email>\", e.g. "
            "\"Reviewed-by: Jane Doe <jane@example.com>\"\n"
            "    fix: edit the message so it reads \"Reviewed-By: Jane Doe <jane@example.com>\" in "
            "the last paragraph, "
            "then commit again\n");
}

TEST_F(CommitMsgTest, CommentsAndTheVerboseDiffAreCutBeforeJudging) {
  // The trailers in the diff below the scissors line must not count, the comment must not kill the
  // block.
  EXPECT_EQ(run("Add login\n\nAI-Generated: claude\nReviewed-By: Jane Doe "
                "<jane@example.com>\nReview-Date: "
                "2026-01-01\n# Please enter the commit message\n"
                "# ------------------------ >8 ------------------------\n"
                "diff --git a/x b/x\n+Reviewed-By: Alice Developer <alice@example.com>\n"),
            0);
  EXPECT_EQ(err.str(), "");
}

TEST_F(CommitMsgTest, MessageOptionKeepsHashLinesAsGitDoes) {
  env["GIT_EDITOR"] = ":"; // git commit -m: cleanup is "whitespace", a # line stays in the message
  EXPECT_EQ(run("Add login\n\nAI-Generated: claude\n# not a comment\n"), 0);
  EXPECT_NE(err.str().find("warning [trailers.ai-review]"), std::string::npos);
}

TEST_F(CommitMsgTest, HonoursCoreCommentCharFromTheRepository) {
  repo.run("git config core.commentChar \";\"");
  EXPECT_EQ(run("Add login\n\n; AI-Generated: claude\n"), 0);
  EXPECT_EQ(err.str(), ""); // the ';' line is a comment, so the commit is not AI-assisted
}

TEST_F(CommitMsgTest, SelfReviewIsRefused) {
  EXPECT_EQ(run("Add login\n\nAI-Generated: claude\nReviewed-By: Alice Developer "
                "<alice@example.com>\nReview-Date: "
                "2026-01-01\n"),
            custody::hook::k_exit_rejected);
  EXPECT_NE(
      err.str().find(
          "  error [trailers.self-review]: Reviewed-By: Alice Developer <alice@example.com> is the "
          "commit's author; a review must come from someone else\n"
          "    fix: remove that trailer; the human who reviews the change adds their own after "
          "reviewing\n"),
      std::string::npos)
      << err.str();
}

TEST_F(CommitMsgTest, InvalidSiteConfigFailsClosed) {
  repo.write_file(".git/custody.toml", "[trailers]\nreviewer_keys = [\"Reviewed By\"]\n");
  EXPECT_EQ(run("Fix typo\n"), custody::hook::k_exit_internal_error);
  EXPECT_NE(err.str().find("commit refused: custody's configuration is invalid"), std::string::npos)
      << err.str();
}

TEST_F(CommitMsgTest, MissingMessageFileIsAnInternalError) {
  Io io{in, out, err, custody::util::Environment::from_map(env), repo.path()};
  std::string arg0 = "commit-msg", arg1 = "nope";
  char* argv[] = {arg0.data(), arg1.data(), nullptr};
  EXPECT_EQ(custody::hook::commit_msg_main(2, argv, io), custody::hook::k_exit_internal_error);
}
