#include "util/regex.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

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

TEST(RegexTest, DeferredCompilesOnFirstUseOnceForAllCopies) {
  auto r = Regex::deferred("(?i)key_([a-z0-9]+)");
  auto copy = r;
  EXPECT_FALSE(r.compiled());
  EXPECT_EQ(r.pattern(), "(?i)key_([a-z0-9]+)");
  custody::util::RegexMatch m;
  ASSERT_EQ(copy.search("x KEY_abc1 y", 0, m), custody::util::MatchStatus::match);
  EXPECT_EQ(m.group("x KEY_abc1 y", 1), "abc1");
  EXPECT_TRUE(r.compiled()); // the copy's compile serves the original
  EXPECT_EQ(r.group_count(), 1);
}

TEST(RegexTest, DeferredIsSafeToFirstUseFromSeveralThreads) {
  auto r = Regex::deferred("b+c");
  std::vector<std::thread> threads;
  std::atomic<int> found{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      if (r.matches("aabbbcc"))
        ++found;
    });
  for (auto& t : threads)
    t.join();
  EXPECT_EQ(found.load(), 4);
}

TEST(RegexTest, DeferredBadPatternMatchesNothing) {
  auto r = Regex::deferred("a(b");
  custody::util::RegexMatch m;
  EXPECT_EQ(r.search("ab", 0, m), custody::util::MatchStatus::error);
  EXPECT_FALSE(r.matches("ab"));
  EXPECT_EQ(r.group_count(), 0);
}

TEST(RegexTest, DefaultConstructedMatchesNothing) {
  Regex r;
  EXPECT_FALSE(r.matches("anything"));
  EXPECT_EQ(r.pattern(), "");
}
