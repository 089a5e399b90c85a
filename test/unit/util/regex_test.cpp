#include "util/regex.hpp"

#include <gtest/gtest.h>

using custody::util::Regex;

TEST(RegexTest, SearchesAndAnchors) {
  auto r = Regex::compile("^[a-z]+(/[a-z0-9.-]+)?$");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->search("claude/opus-4.1"));
  EXPECT_FALSE(r->search("Claude Code"));
  auto copy = *r; // copies share the compiled pattern
  EXPECT_TRUE(copy.search("codex"));
}

TEST(RegexTest, BadPatternIsAnErrorNamingTheOffset) {
  auto r = Regex::compile("a(b");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "invalid regular expression \"a(b\" at offset 3: missing closing parenthesis");
}

TEST(RegexTest, CatastrophicBacktrackingHitsTheLimitInsteadOfHanging) {
  auto r = Regex::compile("^(a+)+$");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->search(std::string(5000, 'a') + "b"));
  EXPECT_TRUE(r->limit_hit());
}
