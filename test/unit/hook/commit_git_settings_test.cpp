// The libgit2-free reader of the commit-msg hook's git settings, against git's own answers.
#include "hook/commit_git_settings.hpp"
#include "support/git_sandbox.hpp"

#include <gtest/gtest.h>

using custody::hook::CommitGitSettings;
using custody::hook::parse_git_config_text;
using custody::hook::read_commit_git_settings;

TEST(CommitGitSettingsTest, ParsesQuotesCommentsAndContinuations) {
  CommitGitSettings s;
  EXPECT_TRUE(parse_git_config_text(
      "[core]\n\tcommentChar = \";\" ; a comment\n[Commit]\n  cleanup=scissors # x\n"
      "[user]\n name = \"Jane  \\\"JD\\\" Doe\"  \n email = jane@example.com\\\n.org\n"
      "[user \"sub\"]\n name = Not Me\n",
      s));
  EXPECT_EQ(s.comment_char, std::optional<std::string>(";"));
  EXPECT_EQ(s.cleanup, std::optional<std::string>("scissors"));
  EXPECT_EQ(s.user_name, std::optional<std::string>("Jane  \"JD\" Doe"));
  EXPECT_EQ(s.user_email, std::optional<std::string>("jane@example.com.org"));
}

TEST(CommitGitSettingsTest, IncludesAreLeftToGit) {
  CommitGitSettings s;
  EXPECT_FALSE(parse_git_config_text("[include]\n path = other\n", s));
}

TEST(CommitGitSettingsTest, AgreesWithGitInARealRepository) {
  custody::test::GitSandbox repo;
  repo.run("git config core.commentChar \"%\" && git config commit.cleanup scissors && git config "
           "user.name "
           "\"Bob  Builder\" && git config user.email bob@example.com");
  auto env = custody::util::Environment::from_map(
      {{"HOME", "/nonexistent"}, {"GIT_CONFIG_NOSYSTEM", "1"}});
  std::filesystem::create_directories(repo.path() / "sub" / "dir");
  auto s = read_commit_git_settings(env, repo.path() / "sub" / "dir");
  ASSERT_TRUE(s.git_dir);
  EXPECT_EQ(*s.git_dir, repo.path() / ".git");
  EXPECT_EQ(s.comment_char, std::optional<std::string>(repo.run("git config core.commentChar")));
  EXPECT_EQ(s.cleanup, std::optional<std::string>("scissors"));
  EXPECT_EQ(s.user_name, std::optional<std::string>(repo.run("git config user.name")));
  env.set("GIT_CONFIG_PARAMETERS", "'commit.cleanup'='verbatim'");
  EXPECT_EQ(read_commit_git_settings(env, repo.path()).cleanup,
            std::optional<std::string>("verbatim"));
}

TEST(CommitGitSettingsTest, LinkedWorktreeReadsTheCommonConfig) {
  custody::test::GitSandbox repo;
  repo.commit("a", "Initial\n");
  repo.run("git config commit.cleanup whitespace && git worktree add -q ../wt");
  auto env = custody::util::Environment::from_map({{"GIT_CONFIG_NOSYSTEM", "1"}});
  auto s = read_commit_git_settings(env, repo.path().parent_path() / "wt");
  ASSERT_TRUE(s.git_dir);
  EXPECT_EQ(s.git_dir->filename(), "wt");
  EXPECT_EQ(s.cleanup, std::optional<std::string>("whitespace"));
}
