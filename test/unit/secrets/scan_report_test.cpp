// The output formats of `custody scan`: fields present, SARIF's structure, paths as URIs.
#include "secrets/scan_report.hpp"

#include <gtest/gtest.h>

using namespace custody::secrets;

namespace {

std::vector<LocatedFinding> two_findings() {
  Finding a;
  a.rule = "stripe-secret-key-live";
  a.description = "Stripe live secret key";
  a.control = "CC6.1";
  a.line = 3;
  a.column = 12;
  a.fingerprint = "stripe-secret-key-live:0123456789abcdef0123";
  a.redacted = "sk_l…(36 chars)";
  Finding b = a;
  b.line = 9;
  b.fingerprint = "stripe-secret-key-live:fedcba9876543210fedc";
  Finding c = a;
  c.rule = "github-pat";
  c.description = "GitHub personal access token";
  return {{a, std::string(40, 'a'), "config/prod.env", std::string(40, 'b')},
          {b, std::string(40, 'c'), "dir with space/ü.env", std::string(40, 'd')},
          {c, std::string(40, 'e'), "x\ny", std::string(40, 'f')}};
}

} // namespace

TEST(ScanReport, TextIsOneLinePerFinding) {
  const std::string text = text_report(two_findings());
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
  EXPECT_NE(text.find("config/prod.env:3:12: stripe-secret-key-live: Stripe live secret key: "
                      "sk_l…(36 chars) (fingerprint stripe-secret-key-live:0123456789abcdef0123, "
                      "commit aaaaaaaaaaaa)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("x\\x0ay:"), std::string::npos) << "a newline in a path splits the line";
}

TEST(ScanReport, JsonHasTheRequiredFields) {
  auto json = json_report(two_findings());
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 3u);
  for (const char* key : {"rule", "commit", "path", "line", "fingerprint", "redacted"})
    EXPECT_TRUE(json[0].contains(key)) << key;
  EXPECT_EQ(json[0]["line"], 3);
  EXPECT_EQ(json[1]["path"], "dir with space/ü.env");
  EXPECT_TRUE(json_report({}).is_array());
}

TEST(ScanReport, SarifIs2_1_0WithRulesResultsAndFingerprints) {
  auto sarif = sarif_report(two_findings(), "1.2.3");
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_NE(sarif["$schema"].get<std::string>().find("sarif"), std::string::npos);
  const auto& run = sarif["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "custody");
  EXPECT_EQ(run["tool"]["driver"]["version"], "1.2.3");
  ASSERT_EQ(run["tool"]["driver"]["rules"].size(), 2u); // one entry per rule, not per result
  ASSERT_EQ(run["results"].size(), 3u);
  const auto& r = run["results"][1];
  EXPECT_EQ(r["ruleId"], "stripe-secret-key-live");
  EXPECT_EQ(r["ruleIndex"], 0);
  EXPECT_EQ(run["results"][2]["ruleIndex"], 1);
  EXPECT_EQ(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "dir%20with%20space/%C3%BC.env");
  EXPECT_EQ(r["locations"][0]["physicalLocation"]["region"]["startLine"], 9);
  EXPECT_EQ(r["partialFingerprints"]["custodySecretFingerprint/v1"],
            "stripe-secret-key-live:fedcba9876543210fedc");
  EXPECT_FALSE(r["message"]["text"].get<std::string>().empty());
  EXPECT_TRUE(sarif_report({}, "1")["runs"][0]["results"].empty());
}

TEST(ScanReport, PathToUriKeepsUnreservedAndSlashes) {
  EXPECT_EQ(path_to_uri("a/b-c_d.e~f"), "a/b-c_d.e~f");
  EXPECT_EQ(path_to_uri("a b#c?d%"), "a%20b%23c%3Fd%25");
}
