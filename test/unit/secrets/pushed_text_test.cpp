// scan_pushed_text(): commit and tag messages and paths are scanned, each finding becomes an
// entry after the blobs, and every secret found is redacted from the decisions' evidence and
// violations and from the blobs' paths (issue 10).
#include "config/diagnostics.hpp"
#include "secrets/pushed_text.hpp"
#include "secrets/rule_file.hpp"

#include <gtest/gtest.h>

using namespace custody::secrets;

namespace {

Engine acme_engine() {
  custody::config::Diagnostics errors;
  RuleFile file = load_rule_text(R"(
[[rule]]
id = "acme-token"
regex = '(acme_[A-Za-z0-9]{32})'
keywords = ["acme_"]
)",
                                 "test.toml", errors);
  EXPECT_TRUE(errors.empty());
  return std::move(Engine::build(std::move(file.rules)).value());
}

const std::string k_secret = "acme_" + std::string("Zq8Xw2Lm4Rt6Yp0Nv3Kb7Hc1Gd5Fs9Ja");

} // namespace

TEST(PushedText, MessagesTagsAndPathsFoundAndRedactedEverywhere) {
  Engine engine = acme_engine();
  std::vector<NewCommit> commits = {
      {"c1", "fix\n\nAI-Generated: " + k_secret + "\n", {"src/a.c", "keys/" + k_secret}, 0},
      {"c2", "clean message\n", {"src/a.c"}, 0}};
  std::vector<NewTag> tags = {{"t1", "release " + k_secret + "\n", 0}};
  std::vector<custody::policy::RefDecision> decisions(1);
  decisions[0].evidence["commits"] = {{{"ai_tool", k_secret}}};
  custody::policy::Violation v;
  v.message = "commit c1 \"fix " + k_secret + "\": needs review";
  decisions[0].violations.push_back(v);
  std::vector<NewBlob> blobs = {{"b1", "c1", "keys/" + k_secret, 0}};
  BlobScanReport report;
  report.blobs.resize(1);

  size_t added = scan_pushed_text(engine, commits, tags, 1 << 20, decisions, blobs, report);
  ASSERT_EQ(added, 3u); // c1's message, the tag's message, c1's path; c2 is clean
  ASSERT_EQ(blobs.size(), 4u);
  ASSERT_EQ(report.blobs.size(), 4u);
  EXPECT_EQ(blobs[1].path, k_commit_message_location);
  EXPECT_EQ(blobs[2].path, k_tag_message_location);
  EXPECT_EQ(blobs[3].path, "keys/acme…");
  EXPECT_EQ(blobs[0].path, "keys/acme…"); // the blob's own path too
  EXPECT_EQ(report.blobs[3].findings.at(0).line, 0);
  EXPECT_EQ(report.blobs[1].findings.at(0).location, Location::commit_message);
  EXPECT_EQ(decisions[0].evidence["commits"][0]["ai_tool"], "acme…");
  EXPECT_EQ(decisions[0].violations[0].message, "commit c1 \"fix acme…\": needs review");
  EXPECT_EQ(decisions[0].evidence.dump().find(k_secret), std::string::npos);
}

TEST(PushedText, OversizeMessageIsNotScannedButReported) {
  Engine engine = acme_engine();
  std::vector<NewCommit> commits = {{"c1", std::string(100, 'x') + k_secret, {}, 0}};
  std::vector<custody::policy::RefDecision> decisions(1);
  std::vector<NewBlob> blobs;
  BlobScanReport report;
  ASSERT_EQ(scan_pushed_text(engine, commits, {}, 50, decisions, blobs, report), 1u);
  EXPECT_EQ(report.blobs[0].status, BlobStatus::oversize);
  EXPECT_TRUE(report.blobs[0].findings.empty());
}
