// The issue-12 precision heuristics (not_secret.hpp): code is not configuration, names of
// secrets are not secrets, placeholders and fixtures are not values, and token shapes inside a
// longer base64 run are coincidences; format rules are never excused by their path.
#include "secrets/not_secret.hpp"

#include <gtest/gtest.h>

using namespace custody::secrets;

namespace {

Rule generic_rule() {
  Rule r;
  r.generic = true;
  return r;
}

std::string_view reason(const Rule& r, std::string_view secret, std::string_view before,
                        std::string_view path, std::string_view line = {}) {
  return not_secret_reason(r, Candidate{secret, line, before, path});
}

} // namespace

TEST(NotSecret, CodeIsNotConfiguration) {
  Rule g = generic_rule();
  EXPECT_NE(reason(g, "Token.objects.get_or_create(user=user)[0]", "token = ", "app/views.py"), "");
  EXPECT_NE(reason(g, "forms.CharField(widget=forms.PasswordInput)", "password = ", "forms.py"),
            "");
  EXPECT_NE(reason(g, "settings.SIGNING_BACKEND_2", "secret_key = ", "app/auth.py"), "");
  // A quoted literal in code is a value; the same unquoted line in an env file is one too.
  EXPECT_EQ(reason(g, "h7Gk2pQ9xZ3wLm4R", "DB_PASSWORD = \"", "app/settings.py"), "");
  EXPECT_EQ(reason(g, "h7Gk2pQ9xZ3wLm4R", "DB_PASSWORD=", "deploy/.env"), "");
}

TEST(NotSecret, KeysThatNameASecretAndPlaceholders) {
  Rule g = generic_rule();
  EXPECT_NE(reason(g, "acme-tls-cert-2024", "  secretName: ", "values.yaml"), "");
  EXPECT_NE(reason(g, "postgres-credentials-v2", "    existingSecret: ", "values.yaml"), "");
  EXPECT_NE(reason(g, "postgres-password-01", "      adminPasswordKey: ", "values.yaml"), "");
  EXPECT_NE(reason(g, "github-deploy-token-01", "credentialsId: '", "Jenkinsfile"), "");
  EXPECT_NE(reason(g, "https://oauth2.googleapis.com/token", "\"token_uri\": \"", "c.json"), "");
  EXPECT_NE(reason(g, "test_api_key_123", "DUMMY_API_KEY = \"", "settings.py"), "");
  EXPECT_NE(reason(g, "mock-token-0001", "TOKEN = \"", "settings.py"), "");
  Rule url; // a format rule: the URL password rules
  EXPECT_NE(reason(url, "PERSONAL_ACCESS_TOKEN", "https://USERNAME:", "README.md"), "");
  EXPECT_NE(reason(url, "DB_PASS", "mongodb://DB_USER:", "README.md"), "");
  EXPECT_NE(reason(url, "password", "redis://:", "README.md"), "");
  EXPECT_NE(reason(url, "&lt;token&gt;", "Authorization: token ", "index.html"), "");
}

TEST(NotSecret, HexBehindASecretKeyIsAKeyNotADigest) {
  Rule g = generic_rule();
  std::string hex128(128, 'a');
  for (size_t i = 0; i < hex128.size(); ++i)
    hex128[i] = "0123456789abcdef"[(i * 7 + 3) % 16];
  EXPECT_EQ(reason(g, hex128, "SECRET_KEY_BASE=", ".env", "SECRET_KEY_BASE=" + hex128), "");
  EXPECT_NE(reason(g, hex128, "ASSET_DIGEST=", ".env", "ASSET_DIGEST=" + hex128), "");
  EXPECT_NE(reason(g, hex128, "SECRET_KEY_BASE=", ".env", "sha512 SECRET_KEY_BASE=" + hex128), "");
}

TEST(NotSecret, TokenShapesInsideLongerBase64AreCoincidences) {
  Rule format;
  std::string line = "href=\"data:image/png;base64,iVBORw0KGgo+AAAAAAAAAAAAAAAAAAAAA"
                     "k3j9x8q2m7v4b1n6z5w0r8t3k3j9x8q2m7v4b1n6z5w0r8t3k3j9x8q2m7v4b1/AAAA==\"";
  size_t at = line.find("AAAAAAAAAAAAAAAAAAAAAk3");
  std::string_view secret = std::string_view(line).substr(at, 81);
  EXPECT_EQ(not_secret_reason(format, secret, line), "part of a longer base64 string");
  // The same token on its own line is reported.
  std::string alone = "TWITTER_BEARER=" + std::string(secret);
  EXPECT_EQ(not_secret_reason(format, std::string_view(alone).substr(15), alone), "");
}

TEST(NotSecret, FormatRulesAreNotExcusedByTheirPath) {
  Rule format;
  EXPECT_EQ(
      reason(format, "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", "", "tests/fixtures/config.py"),
      "");
}
