// Tiers (issue 12, docs/secrets.md "Tiers"): where a rule's tier comes from (its rule file, the
// default for custody and gitleaks rules, the site's [secrets].tiers), and that each finding and
// each report carries it.
#include "config/loader.hpp"
#include "secrets/rule_file.hpp"
#include "secrets/rule_set.hpp"
#include "secrets/scan_report.hpp"

#include <gtest/gtest.h>

using namespace custody;
using namespace custody::secrets;

namespace {

const Rule* find_rule(const std::vector<Rule>& rules, std::string_view id) {
  for (const auto& r : rules)
    if (r.id == id)
      return &r;
  return nullptr;
}

} // namespace

TEST(Tier, CustodyRuleFilesStateItOrTakeTheDefaultOfTheirKind) {
  config::Diagnostics errors;
  RuleFile file = load_rule_text(R"(
[[rule]]
id = "fmt"
regex = 'acme_[a-z0-9]{24}'
[[rule]]
id = "ctx"
regex = 'acme=(\w+)'
generic = true
[[rule]]
id = "ctx-blocks"
regex = 'acme:(\w+)'
generic = true
tier = "block"
[[rule]]
id = "fmt-warns"
regex = 'acme-[a-z0-9]{24}'
tier = "warn"
)",
                                 "site.toml", errors);
  ASSERT_TRUE(errors.empty()) << errors.front().to_string();
  ASSERT_EQ(file.rules.size(), 4u);
  EXPECT_EQ(file.rules[0].tier, Tier::block);
  EXPECT_EQ(file.rules[1].tier, Tier::warn);
  EXPECT_EQ(file.rules[2].tier, Tier::block);
  EXPECT_EQ(file.rules[3].tier, Tier::warn);

  load_rule_text("[[rule]]\nid = 'x'\nregex = 'x'\ntier = 'maybe'\n", "site.toml", errors);
  ASSERT_EQ(errors.size(), 1u);
}

TEST(Tier, GitleaksRulesBlockUnlessGenericOrUnanchored) {
  config::Diagnostics errors;
  RuleFile file = load_rule_text(R"(
[[rules]]
id = "acme-token"
regex = '''acme_[a-z0-9]{24}'''
keywords = ["acme_"]
[[rules]]
id = "generic-api-key"
regex = '''key=(\w{16,})'''
keywords = ["key"]
[[rules]]
id = "entropy-anything"
regex = '''[a-z0-9]{32}'''
)",
                                 "gitleaks.toml", errors);
  ASSERT_TRUE(errors.empty());
  EXPECT_EQ(find_rule(file.rules, "acme-token")->tier, Tier::block);
  EXPECT_EQ(find_rule(file.rules, "generic-api-key")->tier, Tier::warn);
  EXPECT_EQ(find_rule(file.rules, "entropy-anything")->tier, Tier::warn);
}

TEST(Tier, BuiltinFormatsBlockAndContextRulesWarn) {
  auto loaded = load_engine(SecretsConfig{});
  ASSERT_TRUE(loaded.ok());
  const auto& rules = loaded->engine.rules();
  for (const auto& r : rules) {
    if (r.generic) {
      EXPECT_EQ(r.tier, Tier::warn) << r.id << ": a context rule must not refuse a push";
    }
  }
  EXPECT_EQ(find_rule(rules, "github-pat")->tier, Tier::block);
  EXPECT_EQ(find_rule(rules, "private-key-rsa")->tier, Tier::block);
  EXPECT_EQ(find_rule(rules, "generic-password")->tier, Tier::warn);
  EXPECT_EQ(find_rule(rules, "postgres-url-password")->tier, Tier::warn);
}

TEST(Tier, SiteOverridesPromoteAndDemoteAndAnUnknownIdIsAnError) {
  SecretsConfig config;
  config.tiers = {{"github-pat", Tier::warn}, {"generic-password", Tier::block}};
  auto loaded = load_engine(config);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  auto scan = [&](std::string_view text) {
    auto r = loaded->engine.scan(text, "app/settings.ini");
    EXPECT_EQ(r.findings.size(), 1u) << text;
    return r.findings.empty() ? Tier::block : r.findings[0].tier;
  };
  EXPECT_EQ(scan("GITHUB_TOKEN=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\n"), Tier::warn);
  EXPECT_EQ(scan("DB_PASSWORD = \"19ymFjPy7!1Uu5o\"\n"), Tier::block);

  config.tiers = {{"github-pta", Tier::warn}};
  auto bad = load_engine(config);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("\"github-pta\""), std::string::npos) << bad.error().message;
}

TEST(Tier, ConfigTableAcceptsOnlyBlockOrWarn) {
  config::Config c = config::default_config();
  config::Diagnostics d;
  config::apply_layer(c, "[secrets]\ntiers = { github-pat = \"warn\", jwt = \"block\" }\n",
                      "site.toml", d);
  ASSERT_TRUE(d.empty()) << d.front().to_string();
  EXPECT_EQ(c.secrets.tiers.at("github-pat"), Tier::warn);
  EXPECT_EQ(c.secrets.tiers.at("jwt"), Tier::block);
  config::apply_layer(c, "[secrets]\ntiers = { jwt = \"off\" }\n", "site.toml", d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].to_string().find("secrets.tiers.jwt"), std::string::npos) << d[0].to_string();
}

TEST(Tier, ReportsCarryIt) {
  LocatedFinding block{Finding{}, "c0ffee", "a.env", "b10b"};
  block.finding.rule = "github-pat";
  LocatedFinding warn = block;
  warn.finding.rule = "generic-password";
  warn.finding.tier = Tier::warn;
  auto json = json_report({block, warn});
  EXPECT_EQ(json[0]["tier"], "block");
  EXPECT_EQ(json[1]["tier"], "warn");
  auto sarif = sarif_report({block, warn}, "1");
  EXPECT_EQ(sarif["runs"][0]["results"][0]["level"], "error");
  EXPECT_EQ(sarif["runs"][0]["results"][1]["level"], "warning");
  std::string text = text_report({block, warn});
  EXPECT_NE(text.find("a.env:0:0: generic-password (warn): "), std::string::npos) << text;
  EXPECT_NE(text.find("a.env:0:0: github-pat: "), std::string::npos) << text;
}
