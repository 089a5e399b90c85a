#include "config/loader.hpp"
#include "policy/ruleset.hpp"
#include "pushrules/commit_rules.hpp"
#include "pushrules/gained.hpp"

#include <gtest/gtest.h>

using namespace custody;

namespace {

std::vector<std::string> apply(const std::string& text, config::Config& c) {
  config::Diagnostics d;
  config::apply_layer(c, text, "site.toml", d);
  std::vector<std::string> out;
  for (const auto& x : d)
    out.push_back(x.to_string());
  return out;
}

const pushrules::PushRules& rules_of(const config::Config& c, const char* name) {
  return c.get<policy::Rulesets>().find(name)->rules.get<pushrules::PushRules>();
}

policy::IntroducedCommit commit(std::string message, std::vector<std::string> parents = {"p"}) {
  policy::IntroducedCommit c;
  c.id = "c1";
  c.message = std::move(message);
  c.parents = std::move(parents);
  c.author = {"Alice Developer", "alice@example.com", 0};
  return c;
}

} // namespace

TEST(PushRulesConfigTest, ReadsEveryKeyOfARulesetsRules) {
  config::Config c = config::default_config();
  EXPECT_EQ(apply(R"([[rulesets]]
name = "p"
rules = { message_pattern = '^feat: ', message_forbidden_pattern = 'WIP', branch_name_pattern = '^f/', author_email_pattern = '@x$', prohibited_paths = ["**/*.pem"], max_file_bytes = 10, dco = true }
)",
                  c),
            std::vector<std::string>{});
  const auto& r = rules_of(c, "p");
  EXPECT_EQ(r.message_pattern->pattern(), "^feat: ");
  EXPECT_EQ(r.message_forbidden_pattern->pattern(), "WIP");
  EXPECT_EQ(r.branch_name_pattern->pattern(), "^f/");
  EXPECT_EQ(r.author_email_pattern->pattern(), "@x$");
  ASSERT_EQ(r.prohibited_paths.size(), 1u);
  EXPECT_TRUE(r.prohibited_paths[0].matches("a/b/key.pem"));
  EXPECT_EQ(r.max_file_bytes, 10u);
  EXPECT_TRUE(r.dco);
  EXPECT_FALSE(rules_of(c, "default").any());
}

TEST(PushRulesConfigTest, ABadPatternOrSizeIsAnErrorAtItsLine) {
  config::Config c = config::default_config();
  EXPECT_EQ(apply("[[rulesets]]\nname = \"p\"\nrules = { message_pattern = 'a(b' }\n", c),
            std::vector<std::string>{
                "site.toml:3:29: rulesets[0].rules.message_pattern: invalid regular expression "
                "\"a(b\" at offset 3: missing closing parenthesis"});
  EXPECT_EQ(apply("[[rulesets]]\nname = \"q\"\nrules = { max_file_bytes = 0 }\n", c).size(), 1u);
}

TEST(PushRulesCommitTest, SignOffMustNameTheAuthor) {
  const git::Signature alice{"Alice Developer", "alice@example.com", 0};
  EXPECT_TRUE(pushrules::signed_off_by(
      "Add a\n\nSigned-off-by: Alice Developer <alice@example.com>\n", alice));
  EXPECT_TRUE(pushrules::signed_off_by(
      "Add a\n\nsigned-off-by: alice developer <ALICE@example.com>\n", alice));
  EXPECT_FALSE(
      pushrules::signed_off_by("Add a\n\nSigned-off-by: Mallory <mallory@example.com>\n", alice));
  EXPECT_FALSE(pushrules::signed_off_by(
      "Signed-off-by: Alice Developer <alice@example.com>\n\nthe body comes last\n", alice));
  EXPECT_FALSE(pushrules::signed_off_by("Add a\n", alice));
}

TEST(PushRulesCommitTest, EachRuleReportsItsOwnViolation) {
  policy::Ruleset r;
  r.name = "p";
  pushrules::PushRules rules;
  rules.message_pattern = *util::Regex::compile("^feat: ");
  rules.message_forbidden_pattern = *util::Regex::compile("WIP");
  rules.author_email_pattern = *util::Regex::compile("@corp\\.example$");
  rules.dco = true;
  auto v = pushrules::check_commit(commit("WIP Add a\n"), r, rules);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0].rule, "push_rules.message_pattern");
  EXPECT_EQ(
      v[0].message,
      "commit message \"WIP Add a\" does not match ruleset \"p\"'s message_pattern '^feat: '");
  EXPECT_EQ(v[0].commit, "c1");
  EXPECT_EQ(v[0].ruleset, "p");
  EXPECT_EQ(v[1].rule, "push_rules.message_forbidden_pattern");
  EXPECT_EQ(v[2].rule, "push_rules.author_email_pattern");
  EXPECT_EQ(v[3].rule, "push_rules.dco");
  // A merge needs no sign-off; a good commit passes everything.
  EXPECT_TRUE(pushrules::check_commit(commit("feat: merge\n", {"a", "b"}), r, {}).empty());
  rules.author_email_pattern = *util::Regex::compile("@example\\.com$");
  EXPECT_TRUE(
      pushrules::check_commit(
          commit("feat: a\n\nSigned-off-by: Alice Developer <alice@example.com>\n"), r, rules)
          .empty());
}

TEST(PushRulesCommitTest, APatternThatHitsItsLimitRefuses) {
  policy::Ruleset r;
  r.name = "p";
  pushrules::PushRules rules;
  rules.message_pattern = *util::Regex::compile("^(a+)+$");
  auto v = pushrules::check_commit(commit(std::string(40, 'a') + "b"), r, rules);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].message, "the commit message could not be checked against ruleset \"p\"'s "
                          "message_pattern '^(a+)+$': the pattern hit its match limit, so the "
                          "commit is refused");
}

TEST(PushRulesGainedTest, ARefGainsTheNewCommitsItsTipReaches) {
  policy::Introduced in;
  // a ← b (ref 0) ; a ← c (ref 1) ; "old" is not new
  in.commits = {{"a", 0, "", {}, {}, {"old"}, {}},
                {"b", 0, "", {}, {}, {"a"}, {}},
                {"c", 0, "", {}, {}, {"a"}, {}}};
  pushrules::Gained gained(in);
  EXPECT_EQ(gained.commits_from("b"), (std::vector<size_t>{0, 1}));
  EXPECT_EQ(gained.commits_from("c"), (std::vector<size_t>{0, 2}));
  EXPECT_TRUE(gained.commits_from("old").empty());
}
