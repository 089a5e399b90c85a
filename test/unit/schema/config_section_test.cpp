#include "config/loader.hpp"
#include "schema/schema_config.hpp"

#include <gtest/gtest.h>

using namespace custody::config;
using custody::schema::CommitTime;
using custody::schema::ValueType;

namespace {

std::vector<std::string> apply(const std::string& text, Config& c) {
  Diagnostics d;
  apply_layer(c, text, "site.toml", d);
  std::vector<std::string> out;
  for (const auto& x : d)
    out.push_back(x.to_string());
  return out;
}

} // namespace

TEST(TrailersConfigTest, EmbeddedDefaultsAreTheIssueDefaults) {
  Config c = default_config();
  const auto& s = c.get<custody::schema::SchemaConfig>();
  EXPECT_EQ(s.reviewer_keys, (std::vector<std::string>{"Reviewed-By", "Approved-By"}));
  EXPECT_EQ(s.future_skew_seconds, 86400);
  EXPECT_EQ(s.ai_assisted.trailer, "AI-Generated");
  EXPECT_TRUE(s.ai_assisted.agent_identity);
  ASSERT_NE(s.key_spec("reviewed-by"), nullptr);
  EXPECT_EQ(s.key_spec("reviewed-by")->type, ValueType::identity);
  EXPECT_TRUE(s.key_spec("Approved-By")->not_author);
  EXPECT_TRUE(s.key_spec("Review-Date")->not_future);
  EXPECT_TRUE(s.key_spec("AI-Generated")->pattern->search("claude-code/opus-4/1.0"));
  EXPECT_TRUE(s.key_spec("AI-Generated")->pattern->search("Claude Code"));
  EXPECT_FALSE(s.key_spec("AI-Generated")->pattern->search("a/b/c/d"));
  EXPECT_FALSE(s.key_spec("AI-Generated")->pattern->search("/opus"));
  ASSERT_EQ(s.rules.size(), 3u);
  EXPECT_EQ(s.rules[0].id, "ai-label");
  EXPECT_EQ(s.rules[0].commit_time, CommitTime::error);
  EXPECT_EQ(s.rules[1].id, "ai-review");
  EXPECT_EQ(s.rules[1].min_reviewers, 1);
  EXPECT_EQ(s.rules[1].require, (std::vector<std::string>{"Review-Date"}));
  EXPECT_EQ(s.rules[2].id, "risky-paths");
  EXPECT_EQ(s.rules[2].min_reviewers, 2);
  auto risky = [&](const char* path) {
    return custody::util::matches_any(s.rules[2].when.paths, path);
  };
  EXPECT_TRUE(risky("src/auth/login.go"));
  EXPECT_TRUE(risky("auth/x"));
  EXPECT_TRUE(risky("Dockerfile"));
  EXPECT_TRUE(risky("svc/Dockerfile"));
  EXPECT_TRUE(risky(".github/workflows/ci.yml"));
  EXPECT_TRUE(risky(".gitlab-ci.yml"));
  EXPECT_TRUE(risky("infra/main.tf"));
  EXPECT_FALSE(risky("src/authors.txt"));
  EXPECT_FALSE(s.exempt_before_time);
}

TEST(TrailersConfigTest, RulesMergeByIdAndCanBeDisabled) {
  Config c = default_config();
  EXPECT_EQ(
      apply("[[trailers.rule]]\nid = \"risky-paths\"\nwhen = { paths = [\"src/**\"] "
            "}\nmin_reviewers = 3\n"
            "[[trailers.rule]]\nid = \"ai-label\"\nenabled = false\n"
            "[[trailers.rule]]\nid = \"ticket\"\nwhen = { refs = [\"refs/heads/release/*\"] }\n"
            "require = [\"Ticket\"]\nmin_distinct = { \"Ticket\" = 1 }\ncommit_time = \"error\"\n",
            c),
      std::vector<std::string>{});
  const auto& rules = c.get<custody::schema::SchemaConfig>().rules;
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].id, "ai-review");
  EXPECT_EQ(rules[1].id, "risky-paths");
  EXPECT_EQ(rules[1].min_reviewers, 3);
  EXPECT_EQ(rules[2].id, "ticket");
  EXPECT_EQ(rules[2].min_distinct.front(), (std::pair<std::string, int64_t>{"Ticket", 1}));
  EXPECT_EQ(rules[2].commit_time, CommitTime::error);
}

TEST(TrailersConfigTest, BadRegexIsAConfigErrorAtItsPosition) {
  Config c = default_config();
  EXPECT_EQ(apply("[trailers.keys.\"Ticket\"]\ntype = \"regex\"\npattern = \"ABC-(\"\n", c),
            (std::vector<std::string>{
                "site.toml:3:11: trailers.keys.Ticket.pattern: invalid regular expression "
                "\"ABC-(\" at offset 5: missing closing parenthesis"}));
}

TEST(TrailersConfigTest, UnknownKeysTypesAndBadValuesAreReported) {
  Config c = default_config();
  EXPECT_EQ(
      apply("[trailers]\nreviewer_key = [\"X\"]\nexempt_before = \"last week\"\n"
            "reviewer_keys = [\"Reviewed By\"]\n[trailers.keys.\"Level\"]\ntype = \"enum\"\n"
            "[[trailers.rule]]\ndescription = \"no id\"\n",
            c),
      (std::vector<std::string>{
          "site.toml:2:1: unknown key \"trailers.reviewer_key\"; did you mean \"reviewer_keys\"?",
          "site.toml:3:17: trailers.exempt_before must be an ISO 8601 date (2025-01-31) or a full "
          "40-hex "
          "commit id, not \"last week\"",
          "site.toml:4:17: trailers.reviewer_keys: \"Reviewed By\" is not a trailer key git can "
          "parse (use "
          "letters, digits and '-')",
          "site.toml:6:8: trailers.keys.Level: type \"enum\" needs a non-empty `values` list",
          "site.toml:7:1: trailers.rule[0]: every rule needs a non-empty `id`"}));
}

TEST(TrailersConfigTest, ExemptBeforeTakesADateOrACommit) {
  Config c = default_config();
  EXPECT_TRUE(apply("[trailers]\nexempt_before = \"2025-01-31\"\n", c).empty());
  EXPECT_EQ(*c.get<custody::schema::SchemaConfig>().exempt_before_time, 1738281600);
  EXPECT_TRUE(apply("[trailers]\nexempt_before = \"0123456789ABCDEF0123456789abcdef01234567\"\n", c)
                  .empty());
  EXPECT_EQ(c.get<custody::schema::SchemaConfig>().exempt_before_commit,
            "0123456789abcdef0123456789abcdef01234567");
  EXPECT_FALSE(c.get<custody::schema::SchemaConfig>().exempt_before_time);
}
