// Every builtin rule against its own fixed examples, through the full engine: each `tp` must be
// found by that rule, each `fp` by no rule at all. The engine is the one a hook uses (built from
// the generated table, builtin_rules.hpp); the examples, which the table leaves out, are read from
// config/rules.toml in the source tree, and the table is checked against that file field by field.
#include "config/diagnostics.hpp"
#include "secrets/builtin_rules.hpp"
#include "secrets/rule_file.hpp"
#include "secrets/rule_set.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace custody::secrets;

namespace {

const Engine& builtin_engine() {
  static const Engine engine = [] {
    SecretsConfig config;
    auto loaded = load_engine(config);
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
    return std::move(loaded.value().engine);
  }();
  return engine;
}

// config/rules.toml as load_rule_text reads it, examples included.
const RuleFile& rules_toml() {
  static const RuleFile file = [] {
    auto text = custody::util::read_file(CUSTODY_SOURCE_DIR "/config/rules.toml");
    EXPECT_TRUE(text.ok());
    custody::config::Diagnostics errors;
    RuleFile f = load_rule_text(text.ok() ? *text : "", "<builtin rules>", errors);
    EXPECT_TRUE(errors.empty()) << errors.front().to_string();
    return f;
  }();
  return file;
}

const Rule& toml_rule(const std::string& id) {
  static const std::map<std::string, const Rule*> by_id = [] {
    std::map<std::string, const Rule*> m;
    for (const auto& r : rules_toml().rules)
      m[r.id] = &r;
    return m;
  }();
  static const Rule none;
  auto it = by_id.find(id);
  return it == by_id.end() ? none : *it->second;
}

std::vector<std::string> patterns(const std::vector<custody::util::Glob>& globs) {
  std::vector<std::string> out;
  for (const auto& g : globs)
    out.push_back(g.pattern());
  return out;
}

std::vector<std::string> patterns(const std::vector<custody::util::Regex>& regexes) {
  std::vector<std::string> out;
  for (const auto& r : regexes)
    out.push_back(r.pattern());
  return out;
}

void expect_same_allowlist(const Allowlist& table, const Allowlist& toml, const std::string& what) {
  EXPECT_EQ(table.description, toml.description) << what;
  EXPECT_EQ(table.condition, toml.condition) << what;
  EXPECT_EQ(table.target, toml.target) << what;
  EXPECT_EQ(patterns(table.paths), patterns(toml.paths)) << what;
  EXPECT_EQ(patterns(table.path_regexes), patterns(toml.path_regexes)) << what;
  EXPECT_EQ(patterns(table.regexes), patterns(toml.regexes)) << what;
  EXPECT_EQ(table.stopwords, toml.stopwords) << what;
  EXPECT_EQ(table.commits, toml.commits) << what;
  EXPECT_EQ(table.fingerprints, toml.fingerprints) << what;
}

} // namespace

TEST(BuiltinRules, GeneratedTableMatchesRulesToml) {
  RuleFile table = builtin_rule_file();
  const RuleFile& toml = rules_toml();
  ASSERT_EQ(table.rules.size(), toml.rules.size());
  for (size_t i = 0; i < table.rules.size(); ++i) {
    const Rule& a = table.rules[i];
    const Rule& b = toml.rules[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.description, b.description) << a.id;
    EXPECT_EQ(a.control, b.control) << a.id;
    EXPECT_EQ(a.regex.pattern(), b.regex.pattern()) << a.id;
    EXPECT_TRUE(a.regex.options() == b.regex.options()) << a.id;
    EXPECT_FALSE(a.regex.compiled()) << a.id << ": builtin regexes compile on first use";
    EXPECT_EQ(a.regex.group_count(), b.regex.group_count()) << a.id;
    EXPECT_EQ(a.secret_group, b.secret_group) << a.id;
    EXPECT_EQ(a.keywords, b.keywords) << a.id;
    EXPECT_EQ(a.entropy, b.entropy) << a.id;
    EXPECT_EQ(a.min_length, b.min_length) << a.id;
    EXPECT_EQ(patterns(a.paths), patterns(b.paths)) << a.id;
    EXPECT_EQ(a.path_regex.has_value(), b.path_regex.has_value()) << a.id;
    ASSERT_EQ(a.allowlists.size(), b.allowlists.size()) << a.id;
    for (size_t k = 0; k < a.allowlists.size(); ++k)
      expect_same_allowlist(a.allowlists[k], b.allowlists[k], a.id);
    EXPECT_EQ(a.validator, b.validator) << a.id;
    EXPECT_EQ(a.shapes_ok, b.shapes_ok) << a.id;
    EXPECT_EQ(a.generic, b.generic) << a.id;
    EXPECT_EQ(a.tier, b.tier) << a.id;
    EXPECT_EQ(a.window_lines, b.window_lines) << a.id;
    EXPECT_EQ(a.origin, b.origin) << a.id;
    EXPECT_TRUE(a.true_positives.empty() && a.false_positives.empty()) << a.id;
  }
  ASSERT_EQ(table.allowlists.size(), toml.allowlists.size());
  for (size_t k = 0; k < table.allowlists.size(); ++k)
    expect_same_allowlist(table.allowlists[k], toml.allowlists[k], "file-wide allowlist");
}

TEST(BuiltinRules, LoadWithoutErrorsAndCoverTheIssue) {
  const auto& rules = builtin_engine().rules();
  EXPECT_GE(rules.size(), 150u);
  std::set<std::string> ids;
  for (const auto& r : rules) {
    ids.insert(r.id);
    EXPECT_FALSE(toml_rule(r.id).true_positives.empty()) << r.id << " has no tp example";
    EXPECT_FALSE(toml_rule(r.id).false_positives.empty()) << r.id << " has no fp example";
    EXPECT_FALSE(r.keywords.empty()) << r.id << " has no keywords (it would run on every blob)";
    EXPECT_FALSE(r.control.empty()) << r.id;
  }
  for (const char* id : {"aws-access-key-id",
                         "aws-key-pair",
                         "gcp-service-account-key",
                         "gcp-api-key",
                         "azure-storage-account-key",
                         "azure-sas-token",
                         "github-pat",
                         "github-fine-grained-pat",
                         "github-server-to-server-token",
                         "gitlab-pat",
                         "gitlab-runner-token",
                         "bitbucket-app-password",
                         "openai-proj-key",
                         "anthropic-api-key",
                         "huggingface-access-token",
                         "stripe-secret-key-live",
                         "square-access-token",
                         "braintree-access-token",
                         "slack-bot-token",
                         "slack-webhook-url",
                         "twilio-api-key",
                         "sendgrid-api-key",
                         "mailgun-private-api-key",
                         "discord-bot-token",
                         "telegram-bot-token",
                         "npm-access-token",
                         "pypi-upload-token",
                         "rubygems-api-key",
                         "nuget-api-key",
                         "dockerhub-pat",
                         "private-key-rsa",
                         "private-key-ec",
                         "private-key-dsa",
                         "private-key-openssh",
                         "private-key-pgp",
                         "private-key-pkcs8",
                         "jwt",
                         "postgres-url-password",
                         "amqp-url-password",
                         "kubernetes-secret-data",
                         "kubeconfig-user-token",
                         "vault-service-token",
                         "terraform-cloud-token",
                         "generic-password",
                         "generic-api-key"})
    EXPECT_TRUE(ids.count(id)) << id;
}

TEST(BuiltinRules, TruePositivesAreFoundByTheirRule) {
  const Engine& engine = builtin_engine();
  int checked = 0;
  for (const auto& rule : engine.rules())
    for (const auto& tp : toml_rule(rule.id).true_positives) {
      auto result = engine.scan(tp, "src/config.txt");
      // A generic (context) rule's example may be reported by a format rule that knows the
      // secret better: the engine keeps one finding per secret, under the specific rule.
      bool found =
          std::any_of(result.findings.begin(), result.findings.end(), [&](const Finding& f) {
            return f.rule == rule.id || (rule.generic && !f.generic);
          });
      std::string got;
      for (const auto& f : result.findings)
        got += f.rule + " ";
      EXPECT_TRUE(found) << rule.id << " misses its example: " << tp << "\n  found: " << got;
      ++checked;
    }
  EXPECT_GE(checked, 150);
}

TEST(BuiltinRules, FalsePositivesAreReportedByNoRule) {
  const Engine& engine = builtin_engine();
  for (const auto& rule : engine.rules())
    for (const auto& fp : toml_rule(rule.id).false_positives) {
      auto result = engine.scan(fp, "src/config.txt");
      for (const auto& f : result.findings)
        ADD_FAILURE() << rule.id << " fp example reported by " << f.rule << " (" << f.redacted
                      << "): " << fp;
      EXPECT_TRUE(result.limited_rules.empty()) << rule.id;
    }
}

TEST(BuiltinRules, OneFindingPerSecretUnderTheSpecificRule) {
  // An env-file assignment of a Stripe key: the generic env rule and the Stripe rule both match.
  auto result =
      builtin_engine().scan("STRIPE_SECRET_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dcQzxY2b\n", ".env");
  std::string got;
  for (const auto& f : result.findings)
    got += f.rule + " ";
  ASSERT_EQ(result.findings.size(), 1u) << got;
  EXPECT_FALSE(result.findings[0].generic) << got;
}

TEST(BuiltinRules, EveryRuleStatesItsTier) {
  // The defaults (generic: warn, else block) are for site rule files; a builtin rule says which
  // tier it is in so that a review of rules.toml sees what refuses a push.
  auto text = custody::util::read_file(CUSTODY_SOURCE_DIR "/config/rules.toml");
  ASSERT_TRUE(text.ok());
  size_t rules = 0, tiers = 0;
  for (size_t at = 0; (at = text->find("\n[[rule]]\n", at)) != std::string::npos; ++at)
    ++rules;
  for (size_t at = 0; (at = text->find("\ntier = \"", at)) != std::string::npos; ++at)
    ++tiers;
  EXPECT_EQ(rules, rules_toml().rules.size());
  EXPECT_EQ(tiers, rules);
}
