// custody evidence over a small estate of repository directories with known ledgers.
#include "config/digest.hpp"
#include "ledger/signer.hpp"
#include "report/estate.hpp"
#include "report/evidence.hpp"
#include "report/manifest.hpp"
#include "report/readable.hpp"
#include "report/report.hpp"
#include "support/ledger_fixture.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>

using namespace custody;
using namespace custody::test;
namespace fs = std::filesystem;

namespace {

// Enough of a bare repository for the estate walk (HEAD, objects/, refs/).
fs::path make_repo(const fs::path& root, const std::string& name) {
  fs::path dir = root / name;
  fs::create_directories(dir / "objects");
  fs::create_directories(dir / "refs" / "heads");
  spit(dir / "HEAD", "ref: refs/heads/main\n");
  return dir;
}

util::Json protected_push(int i, bool reviewed) {
  util::Json d = decision_body(i);
  d["time"] = fmt::format("2026-0{}-1{}T10:00:00.000000Z", 1 + i % 3, i % 10);
  d["ref"] = "refs/heads/main";
  d["protected"] = true;
  util::Json reviewers =
      reviewed ? util::Json::array({"Rita <rita@example.com>"}) : util::Json::array();
  d["commits"] = util::Json::array({{{"id", fmt::format("{:040x}", i)},
                                     {"author", "Dev <dev@example.com>"},
                                     {"ai_tool", i % 2 ? "claude-code" : ""},
                                     {"reviewers", reviewers},
                                     {"verdict", "ok"}}});
  d["secrets_scan"] = {{"blobs", 1}};
  return d;
}

class EvidenceTest : public ::testing::Test {
protected:
  void SetUp() override {
    root = dir.path() / "repos";
    fs::path a = make_repo(root, "team/app.git"), b = make_repo(root, "lib.git");
    make_repo(root, "unguarded.git"); // no ledger: listed as such
    for (int i = 1; i <= 30; ++i)
      ASSERT_TRUE(
          ledger::append(options_for(a / "custody/ledger.jsonl"), {protected_push(i, i % 3 != 0)})
              .ok());
    util::Json refused = decision_body(31, "rejected");
    refused["time"] = "2026-02-20T10:00:00.000000Z";
    refused["violations"] = {{{"rule", "trailers.review_required"},
                              {"rules", {"trailers.review_required", "trailers.ai_tool"}},
                              {"control", "CC8.1"}},
                             {{"rule", "refs.force_push"}, {"control", "CC8.1"}}};
    util::Json bypass = decision_body(32);
    bypass["time"] = "2026-02-21T10:00:00.000000Z";
    bypass["bypasses"] = {{{"fingerprint", "f1"}, {"reason", "revoked"}, {"by", "alice"}}};
    bypass["would_reject"] = {{{"rule", "trailers.signed"}, {"ref", "refs/heads/x"}}};
    ASSERT_TRUE(ledger::append(options_for(b / "custody/ledger.jsonl"), {refused, bypass}).ok());
    env = util::Environment::from_map({{"CUSTODY_SYSTEM_CONFIG", (dir.path() / "none").string()}});
  }

  report::EvidenceOptions options_into(const std::string& out, const std::string& seed) {
    report::EvidenceOptions o;
    o.ledgers = *report::ledgers_under_root(root, env);
    o.scope = "--root " + root.string();
    o.from = "2026-01-01";
    o.to = "2026-03-31";
    o.filter = *report::Filter::make(o.from, o.to, std::nullopt);
    o.out = dir.path() / out;
    o.seed_text = seed;
    o.seed = report::parse_seed(seed);
    o.sample_size = 5;
    return o;
  }

  util::Json json_file(const fs::path& p) { return util::Json::parse(slurp(p)); }

  TempDir dir;
  fs::path root;
  util::Environment env;
};

} // namespace

TEST_F(EvidenceTest, FindsEveryRepositoryAndItsLedger) {
  auto sources = report::ledgers_under_root(root, env);
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources->size(), 3u);
  EXPECT_EQ((*sources)[0].repository, "lib.git");
  EXPECT_EQ((*sources)[1].repository, "team/app.git");
  EXPECT_EQ((*sources)[2].repository, "unguarded.git");
  EXPECT_EQ((*sources)[1].ledger, root / "team/app.git/custody/ledger.jsonl");
  EXPECT_EQ((*sources)[1].config_layers, std::vector<std::string>{"<embedded default>"});
}

TEST_F(EvidenceTest, BundleFiguresSamplesVerifyAndManifest) {
  auto written = report::write_evidence(options_into("q1", "audit-2026-Q1"));
  ASSERT_TRUE(written.ok()) << written.error().message;
  fs::path out = dir.path() / "q1";
  auto summary = json_file(out / "summary.json");
  const auto& t = summary["estate"]["totals"];
  EXPECT_EQ(t["decisions"], 32);
  EXPECT_EQ(t["rejected"], 1);
  EXPECT_EQ(t["protected_commits"], 30);
  EXPECT_EQ(t["protected_commits_reviewed"], 20);
  EXPECT_EQ(t["ai_commits_protected"], 15);
  EXPECT_EQ(t["bypassed_decisions"], 1);
  // One violation naming two rules and another: three counts.
  EXPECT_EQ(t["rejections_by_rule"], util::Json({{"refs.force_push", 1},
                                                 {"trailers.ai_tool", 1},
                                                 {"trailers.review_required", 1}}));
  EXPECT_EQ(t["would_reject_by_rule"], util::Json({{"trailers.signed", 1}}));
  EXPECT_EQ(summary["estate"]["unreviewed"].size(), 10u);

  std::string html = slurp(out / "index.html");
  EXPECT_NE(html.find("<dd id=\"fig-decisions\">32</dd>"), std::string::npos);
  EXPECT_NE(html.find("<dd id=\"fig-protected-share\">66.7%</dd>"), std::string::npos);
  EXPECT_NE(html.find("All 2 ledgers verified intact"), std::string::npos);
  EXPECT_NE(html.find("<dd id=\"fig-bypassed\">1</dd>"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);

  auto sample = json_file(out / "samples/CC8.1.json");
  EXPECT_EQ(sample["population_size"], 30);
  EXPECT_EQ(sample["items"].size(), 5u);
  EXPECT_EQ(json_file(out / "samples/CC6.6.json")["population_size"], 31); // scanned + bypass

  auto verify = json_file(out / "verify.json");
  EXPECT_EQ(verify["ok"], true);
  EXPECT_EQ(verify["ledgers"][2]["present"], false);
  EXPECT_TRUE(fs::exists(out / "policy/layer-01-embedded-default.toml"));

  auto check = report::verify_manifest(out, std::nullopt);
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->problems.empty());
  EXPECT_GE(check->files, 9u);
  EXPECT_EQ(
      std::system(("tar -tzf " + written->archive.string() + " q1/index.html >/dev/null").c_str()),
      0);
}

TEST_F(EvidenceTest, TheSampleIsReproducibleFromItsSeed) {
  ASSERT_TRUE(report::write_evidence(options_into("a", "s1")).ok());
  ASSERT_TRUE(report::write_evidence(options_into("b", "s1")).ok());
  ASSERT_TRUE(report::write_evidence(options_into("c", "s2")).ok());
  auto seqs = [&](const std::string& out) {
    std::vector<uint64_t> s;
    auto sample = json_file(dir.path() / out / "samples/CC8.1.json");
    for (const auto& item : sample["items"])
      s.push_back(item["seq"]);
    return s;
  };
  EXPECT_EQ(seqs("a"), seqs("b"));
  EXPECT_NE(seqs("a"), seqs("c"));
  // Every record left out has a larger key than every record taken.
  auto items = json_file(dir.path() / "a/samples/CC8.1.json")["items"];
  std::string largest;
  for (const auto& i : items)
    largest = std::max(largest, i["key"].get<std::string>());
  EXPECT_EQ(largest.size(), 16u);
}

TEST_F(EvidenceTest, ATamperedLedgerShowsInTheVerifySection) {
  fs::path ledger = root / "team/app.git/custody/ledger.jsonl";
  auto lines = read_lines(ledger);
  auto pos = lines[4].find("\"alice\"");
  ASSERT_NE(pos, std::string::npos);
  lines[4].replace(pos, 7, "\"mallo\"");
  write_lines(ledger, lines);
  auto written = report::write_evidence(options_into("t", "s"));
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(written->damaged, 1u);
  auto verify = json_file(dir.path() / "t/verify.json");
  EXPECT_EQ(verify["ok"], false);
  EXPECT_EQ(verify["ledgers"][1]["ok"], false);
  EXPECT_NE(verify["ledgers"][1]["problem"].get<std::string>().find("ledger.jsonl:5"),
            std::string::npos);
  EXPECT_NE(slurp(dir.path() / "t/index.html").find("1 of 3 ledgers are DAMAGED"),
            std::string::npos);
}

TEST_F(EvidenceTest, ManifestNamesChangedAddedAndRemovedFiles) {
  auto keys = dir.path() / "keys";
  fs::create_directories(keys);
  ASSERT_TRUE(ledger::write_key_pair(keys).ok());
  auto o = options_into("m", "s");
  o.manifest_key = keys / "ledger-signing.key";
  ASSERT_TRUE(report::write_evidence(o).ok());
  fs::path out = dir.path() / "m";
  auto good = report::verify_manifest(out, std::nullopt);
  ASSERT_TRUE(good.ok());
  EXPECT_TRUE(good->problems.empty());
  EXPECT_EQ(good->signed_by,
            ledger::Ed25519Key::load_public(keys / "ledger-signing.pub")->key_id());

  spit(out / "decisions.csv", slurp(out / "decisions.csv") + "forged,row\r\n");
  spit(out / "extra.txt", "x");
  fs::remove(out / "samples/CC6.1.json");
  auto bad = report::verify_manifest(out, std::nullopt);
  ASSERT_TRUE(bad.ok());
  ASSERT_EQ(bad->problems.size(), 3u);
  EXPECT_NE(bad->problems[0].find("decisions.csv: SHA-256 is"), std::string::npos);
  EXPECT_EQ(bad->problems[1], "samples/CC6.1.json: listed in MANIFEST but missing");
  EXPECT_EQ(bad->problems[2], "extra.txt: not listed in MANIFEST (the file was added)");

  // A rewritten MANIFEST (matching the forged files) no longer matches its signature.
  spit(out / "MANIFEST", slurp(out / "MANIFEST") + std::string(64, 'a') + "  extra.txt\n");
  auto resigned = report::verify_manifest(out, std::nullopt);
  ASSERT_TRUE(resigned.ok());
  EXPECT_NE(resigned->problems.back().find("MANIFEST.sig: the signature does not verify"),
            std::string::npos);
}

TEST_F(EvidenceTest, RefusesANonEmptyOutputFolder) {
  fs::create_directories(dir.path() / "busy");
  spit(dir.path() / "busy/file", "x");
  auto written = report::write_evidence(options_into("busy", "s"));
  ASSERT_FALSE(written.ok());
  EXPECT_NE(written.error().message.find("exists and is not empty"), std::string::npos);
}

TEST(EstateTest, ClosedSegmentNames) {
  EXPECT_TRUE(report::is_closed_segment_name("ledger.000001.jsonl"));
  EXPECT_TRUE(report::is_closed_segment_name("ledger.1234567.jsonl"));
  EXPECT_FALSE(report::is_closed_segment_name("ledger.jsonl"));
  EXPECT_FALSE(report::is_closed_segment_name("ledger.v2.jsonl"));
  EXPECT_FALSE(report::is_closed_segment_name("ledger.12.jsonl"));
}

TEST(ConfigDigestTest, ChangesWithAnyLayerText) {
  auto a = config::config_digest_of({{"<embedded default>", "x"}, {"/etc/custody.toml", "y"}});
  auto b = config::config_digest_of({{"<embedded default>", "x"}, {"/etc/custody.toml", "y "}});
  auto c = config::config_digest_of({{"<embedded default>", "x"}});
  EXPECT_EQ(a.rfind("sha256:", 0), 0u);
  EXPECT_EQ(a.size(), 7u + 64u);
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(a, config::config_digest_of({{"<embedded default>", "x"}, {"/etc/custody.toml", "y"}}));
}

TEST(ReadableLineTest, ABypassedPushSaysSo) {
  util::Json d = decision_body(1);
  d["seq"] = 1;
  d["bypasses"] = {{{"fingerprint", "f1"}, {"reason", "revoked"}, {"by", "alice"}}};
  EXPECT_NE(report::readable_line(d.dump()).find("  accepted (bypass)"), std::string::npos);
  d["bypasses"] = util::Json::array();
  std::string plain = report::readable_line(d.dump());
  EXPECT_EQ(plain.find("bypass"), std::string::npos);
  EXPECT_NE(plain.find("  accepted"), std::string::npos);
}
