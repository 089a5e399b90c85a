// Every builtin rule (config/rules.toml, embedded) against its own fixed examples, through the
// full engine: each `tp` must be found by that rule, each `fp` by no rule at all.
#include "config/diagnostics.hpp"
#include "secrets/rule_file.hpp"
#include "secrets/rule_set.hpp"

#include <gtest/gtest.h>

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

} // namespace

TEST(BuiltinRules, LoadWithoutErrorsAndCoverTheIssue) {
  const auto& rules = builtin_engine().rules();
  EXPECT_GE(rules.size(), 150u);
  std::set<std::string> ids;
  for (const auto& r : rules) {
    ids.insert(r.id);
    EXPECT_FALSE(r.true_positives.empty()) << r.id << " has no tp example";
    EXPECT_FALSE(r.false_positives.empty()) << r.id << " has no fp example";
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
    for (const auto& tp : rule.true_positives) {
      auto result = engine.scan(tp, "src/config.txt");
      bool found = std::any_of(result.findings.begin(), result.findings.end(),
                               [&](const Finding& f) { return f.rule == rule.id; });
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
    for (const auto& fp : rule.false_positives) {
      auto result = engine.scan(fp, "src/config.txt");
      for (const auto& f : result.findings)
        ADD_FAILURE() << rule.id << " fp example reported by " << f.rule << " (" << f.redacted
                      << "): " << fp;
      EXPECT_TRUE(result.limited_rules.empty()) << rule.id;
    }
}
