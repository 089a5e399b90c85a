// git's cleanup as the commit-msg hook applies it, checked against `git stripspace` too.
#include "trailers/cleanup.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace custody::trailers;

namespace {

const std::string k_cut = "# ------------------------ >8 ------------------------\n";

std::string run_git_stripspace(const std::string& input, const std::string& args) {
  auto dir = std::filesystem::temp_directory_path();
  auto file = dir / ("custody-stripspace-" + std::to_string(::getpid()));
  std::ofstream(file, std::ios::binary) << input;
  std::string cmd = "env -i PATH=/usr/bin:/bin HOME=/nonexistent GIT_CONFIG_NOSYSTEM=1 git " +
                    args + " <" + file.string();
  FILE* p = ::popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
    out.append(buf, n);
  ::pclose(p);
  std::filesystem::remove(file);
  return out;
}

} // namespace

TEST(CleanupTest, ModesFollowGit) {
  EXPECT_EQ(resolve_cleanup_mode(std::nullopt, true), CleanupMode::strip);
  EXPECT_EQ(resolve_cleanup_mode(std::nullopt, false), CleanupMode::whitespace);
  EXPECT_EQ(resolve_cleanup_mode("default", false), CleanupMode::whitespace);
  EXPECT_EQ(resolve_cleanup_mode("scissors", true), CleanupMode::scissors);
  EXPECT_EQ(resolve_cleanup_mode("scissors", false), CleanupMode::whitespace);
  EXPECT_EQ(resolve_cleanup_mode("verbatim", true), CleanupMode::verbatim);
  EXPECT_EQ(resolve_cleanup_mode("strip", false), CleanupMode::strip);
}

TEST(CleanupTest, StripDropsCommentsAndCutsAtScissors) {
  std::string raw = "Subject  \n\n\n# Please enter the commit message\nBody\n\nAI-Generated: x\n" +
                    k_cut + "diff --git a/f b/f\n";
  EXPECT_EQ(cleanup_message(raw, {CleanupMode::strip, '#'}),
            "Subject\n\nBody\n\nAI-Generated: x\n");
}

TEST(CleanupTest, ScissorsModeKeepsCommentsAboveTheLine) {
  EXPECT_EQ(cleanup_message("S\n# kept\n" + k_cut + "x\n", {CleanupMode::scissors, '#'}),
            "S\n# kept\n");
}

TEST(CleanupTest, WhitespaceModeKeepsHashLines) {
  EXPECT_EQ(cleanup_message("S\n\n# Heading\n\n\n", {CleanupMode::whitespace, '#'}),
            "S\n\n# Heading\n");
}

TEST(CleanupTest, VerbatimKeepsEverything) {
  EXPECT_EQ(cleanup_message("S \n\n\n# c", {CleanupMode::verbatim, '#'}), "S \n\n\n# c");
}

TEST(CleanupTest, MergeMessageWithoutFinalNewline) {
  EXPECT_EQ(
      cleanup_message("Merge branch 'x'\n\nReviewed-By: A <a@x.io>", {CleanupMode::strip, '#'}),
      "Merge branch 'x'\n\nReviewed-By: A <a@x.io>\n");
}

TEST(CleanupTest, CommentCharAutoIsRecognisedFromGitsOwnComments) {
  EXPECT_EQ(resolve_comment_char(std::nullopt, "x"), '#');
  EXPECT_EQ(resolve_comment_char(std::string(";"), "x"), ';');
  EXPECT_EQ(resolve_comment_char(std::string("auto"),
                                 "#1 issue\n\n; Please enter the commit message for"),
            ';');
  EXPECT_EQ(resolve_comment_char(std::string("auto"),
                                 "S\n@ ------------------------ >8 ------------------------\n"),
            '@');
  EXPECT_EQ(resolve_comment_char(std::string("auto"), "S\n"), '#');
  std::string raw = "#1 fix\n\n; Please enter the commit message\n; comment\n";
  EXPECT_EQ(
      cleanup_message(raw, {CleanupMode::strip, resolve_comment_char(std::string("auto"), raw)}),
      "#1 fix\n");
}

TEST(CleanupTest, MatchesGitStripspace) {
  if (std::system("git --version >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "git is not installed";
  const std::vector<std::string> inputs = {"",
                                           "\n\n",
                                           "S",
                                           "S  \t\n\n\n\nB\r\n\n",
                                           "\n\n  \nS\n# c\n\n#\n\nT\n  \n",
                                           "a\n\v\n\nb\f\n",
                                           "# only\n# comments\n",
                                           "S\n\n; semi\n# hash\n",
                                           "x\r\r\n\r\n\ry\n"};
  for (const auto& in : inputs) {
    EXPECT_EQ(cleanup_message(in, {CleanupMode::whitespace, '#'}),
              run_git_stripspace(in, "stripspace"))
        << in;
    EXPECT_EQ(cleanup_message(in, {CleanupMode::strip, '#'}),
              run_git_stripspace(in, "stripspace -s"))
        << in;
    EXPECT_EQ(cleanup_message(in, {CleanupMode::strip, ';'}),
              run_git_stripspace(in, "-c core.commentChar=';' stripspace -s"))
        << in;
  }
}
