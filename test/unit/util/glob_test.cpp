#include "util/glob.hpp"

#include <gtest/gtest.h>

using custody::util::Glob;
using custody::util::GlobSyntax;

namespace {

bool path_match(const char* pattern, const char* text) {
  auto g = Glob::compile(pattern, GlobSyntax::path);
  EXPECT_TRUE(g.ok()) << pattern;
  return g.ok() && g->matches(text);
}

bool name_match(const char* pattern, const char* text) {
  auto g = Glob::compile(pattern, GlobSyntax::name);
  EXPECT_TRUE(g.ok()) << pattern;
  return g.ok() && g->matches(text);
}

} // namespace

TEST(GlobTest, StarStaysWithinOneComponent) {
  EXPECT_TRUE(path_match("refs/heads/release/*", "refs/heads/release/1.0"));
  EXPECT_FALSE(path_match("refs/heads/release/*", "refs/heads/release/1.0/hotfix"));
  EXPECT_FALSE(path_match("refs/heads/release/*", "refs/heads/release"));
  EXPECT_TRUE(path_match("refs/tags/*", "refs/tags/v1"));
  EXPECT_FALSE(path_match("refs/heads/main", "refs/heads/main2"));
}

TEST(GlobTest, DoubleStarCrossesComponents) {
  EXPECT_TRUE(path_match("**/auth/**", "src/auth/login.c"));
  EXPECT_TRUE(path_match("**/auth/**", "auth/login.c"));
  EXPECT_TRUE(path_match("**/auth/**", "a/b/c/auth/d/e.c"));
  EXPECT_FALSE(path_match("**/auth/**", "srcauth/login.c"));
  EXPECT_FALSE(path_match("**/auth/**", "src/oauth/login.c"));
  EXPECT_TRUE(path_match("**/Dockerfile", "Dockerfile"));
  EXPECT_TRUE(path_match("**/Dockerfile", "svc/api/Dockerfile"));
  EXPECT_FALSE(path_match("**/Dockerfile", "svc/api/Dockerfile.bak"));
  EXPECT_TRUE(path_match("infra/**", "infra/main.tf"));
  EXPECT_FALSE(path_match("infra/**", "infrastructure/main.tf"));
  EXPECT_TRUE(path_match("a/**/b", "a/b"));
  EXPECT_TRUE(path_match("a/**/b", "a/x/y/b"));
  EXPECT_TRUE(path_match(".github/workflows/**", ".github/workflows/ci.yml"));
}

TEST(GlobTest, ClassesAndEscapes) {
  EXPECT_TRUE(path_match("v[0-9]*", "v1.2"));
  EXPECT_FALSE(path_match("v[0-9]*", "vx"));
  EXPECT_TRUE(path_match("[!a]b", "cb"));
  EXPECT_FALSE(path_match("[!a]b", "ab"));
  EXPECT_TRUE(path_match("a\\*", "a*"));
  EXPECT_FALSE(path_match("a\\*", "ab"));
  EXPECT_TRUE(path_match("file?.txt", "file1.txt"));
  EXPECT_FALSE(path_match("file?.txt", "file/.txt"));
}

TEST(GlobTest, BadPatternsAreErrors) {
  EXPECT_FALSE(Glob::compile("refs/[abc", GlobSyntax::path).ok());
  EXPECT_FALSE(Glob::compile("x\\", GlobSyntax::path).ok());
  EXPECT_FALSE(Glob::compile("[z-a]", GlobSyntax::path).ok());
  EXPECT_FALSE(Glob::compile("", GlobSyntax::path).ok());
  EXPECT_EQ(Glob::compile("refs/[abc", GlobSyntax::path).error().message,
            "glob \"refs/[abc\" has an unclosed '[' at offset 5");
}

TEST(GlobTest, NamePatternsAreCaseInsensitiveAndTakeBracketsLiterally) {
  EXPECT_TRUE(name_match("*[bot]", "dependabot[bot]"));
  EXPECT_TRUE(name_match("*[bot]", "Renovate[BOT]"));
  EXPECT_FALSE(name_match("*[bot]", "bot"));
  EXPECT_TRUE(name_match("claude*", "Claude-Code"));
  EXPECT_TRUE(name_match("*-bot", "release-bot"));
  EXPECT_FALSE(name_match("*-bot", "robot"));
  EXPECT_TRUE(name_match("project_*_bot*", "project_123_bot_4ffca233d8298ea1"));
  EXPECT_TRUE(name_match("*@anthropic.com", "noreply@Anthropic.com"));
  EXPECT_TRUE(name_match("*copilot*@users.noreply.github.com",
                         "198982749+Copilot@users.noreply.github.com"));
}

TEST(GlobTest, HostilePatternStaysLinear) {
  std::string pattern(200, '*');
  pattern += "b";
  std::string text(20000, 'a');
  auto g = Glob::compile(pattern, GlobSyntax::name);
  ASSERT_TRUE(g.ok());
  EXPECT_FALSE(g->matches(text));
}

TEST(GlobTest, PathNocaseMatchesLettersInEitherCaseWithPathRules) {
  auto match = [](const char* pattern, const char* text) {
    auto g = Glob::compile(pattern, GlobSyntax::path_nocase);
    EXPECT_TRUE(g.ok()) << pattern;
    return g.ok() && g->matches(text);
  };
  EXPECT_TRUE(match("**/auth/**", "src/Auth/token.go"));
  EXPECT_TRUE(match("src/AUTH/*", "src/auth/token.go"));
  EXPECT_TRUE(match("**/Dockerfile", "deploy/DOCKERFILE"));
  EXPECT_TRUE(match("src/[a-c]uth/*", "src/Auth/x"));
  EXPECT_TRUE(match("src/\\Auth/*", "src/auth/x"));
  EXPECT_FALSE(match("src/*", "src/Auth/token.go")); // `*` still stays within one component
  EXPECT_FALSE(match("src/[!a]uth/*", "src/Auth/x"));
  EXPECT_FALSE(path_match("**/auth/**", "src/Auth/token.go")); // `path` stays case-sensitive
}
