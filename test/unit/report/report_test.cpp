#include "report/json_scan.hpp"
#include "report/prng.hpp"
#include "report/report.hpp"
#include "support/ledger_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

using namespace custody;
using namespace custody::test;

namespace {

util::Json commit(const std::string& id, const std::string& tool, util::Json reviewers) {
  return {{"id", id},
          {"author", "Dev <dev@example.com>"},
          {"ai_tool", tool},
          {"reviewers", reviewers},
          {"review_date", reviewers.empty() ? "" : "2026-03-02"},
          {"verdict", "ok"}};
}

// Five decisions in two months with known arithmetic:
// (seq 1-2 are one append call; seq 3-5 one call each)
//  1 2026-02-10 main (protected)  accepted  push A  commits: c1 AI reviewed, c2 AI unreviewed, c3
//  human 2 2026-02-10 feature           accepted  push A  commits: c4 AI unreviewed (not protected)
//  3 2026-03-05 main              rejected  push B  violations: refs.force_push x1,
//  trailers.reviewed_by x2 4 2026-03-06 release/1         accepted  push C  bypasses: 2, findings:
//  1, commit c5 AI {name,version} reviewed 5 2026-03-07 main              rejected  push D  agent
//  pusher, violation agents.protected
class ReportTest : public ::testing::Test {
protected:
  void SetUp() override {
    util::Json d1 = decision_body(1), d2 = decision_body(2), d3 = decision_body(3, "rejected"),
               d4 = decision_body(4), d5 = decision_body(5, "rejected");
    d1["time"] = d2["time"] = "2026-02-10T09:00:00.000000Z";
    d3["time"] = "2026-03-05T09:00:00.000000Z";
    d4["time"] = "2026-03-06T09:00:00.000000Z";
    d5["time"] = "2026-03-07T23:59:59.000000Z";
    d1["push_id"] = d2["push_id"] = "A";
    d3["push_id"] = "B";
    d4["push_id"] = "C";
    d5["push_id"] = "D";
    d1["ref"] = d3["ref"] = d5["ref"] = "refs/heads/main";
    d2["ref"] = "refs/heads/feature";
    d4["ref"] = "refs/heads/release/1";
    d1["protected"] = d3["protected"] = d4["protected"] = d5["protected"] = true;
    d1["commits"] = {commit("c1", "claude-code 1.0", {"Rita <rita@example.com>"}),
                     commit("c2", "copilot", util::Json::array()),
                     commit("c3", "", util::Json::array())};
    d2["commits"] = {commit("c4", "cursor", util::Json::array())};
    d3["violations"] = {{{"rule", "refs.force_push"}, {"control", "CC8.1"}},
                        {{"rule", "trailers.reviewed_by"}, {"control", "CC8.1"}, {"commit", "c9"}},
                        {{"rule", "trailers.reviewed_by"}, {"control", "CC8.1"}, {"commit", "c8"}}};
    util::Json c5 = {{"id", "c5"},
                     {"author", "=cmd|' /C calc'!A0"},
                     {"ai_tool", {{"name", "claude"}, {"version", "4"}}}};
    c5["reviewers"] =
        util::Json::array({util::Json{{"name", "Bob"}, {"email", "bob@example.com"}}});
    d4["commits"] = util::Json::array({c5});
    d4["bypasses"] = {{{"fingerprint", "f1"}, {"reason", "test key, revoked"}, {"by", "alice"}},
                      {{"fingerprint", "f2"}, {"reason", "fixture"}, {"by", "alice"}}};
    d4["findings"] = {{{"rule", "aws-key"},
                       {"commit", "c5"},
                       {"path", "a.txt"},
                       {"line", 3},
                       {"fingerprint", "f1"},
                       {"redacted", "AKIA****"}}};
    d5["pusher"]["is_agent"] = true;
    d5["pusher"]["name"] = "svc-ai-bot";
    d5["violations"] = {{{"rule", "agents.protected"}, {"control", "CC6.1"}}};
    ASSERT_TRUE(ledger::append(options, {d1, d2}).ok());
    for (const auto& d : {d3, d4, d5})
      ASSERT_TRUE(ledger::append(options, {d}).ok());
  }

  util::Json json_report(const std::optional<std::string>& from = {},
                         const std::optional<std::string>& to = {},
                         const std::optional<std::string>& ref = {}) {
    report::ReportOptions ro;
    ro.ledger = path;
    ro.filter = *report::Filter::make(from, to, ref);
    std::ostringstream out;
    EXPECT_TRUE(report::write_report(ro, out).ok());
    return util::Json::parse(out.str());
  }

  std::string text_report(report::Format format) {
    report::ReportOptions ro;
    ro.ledger = path;
    ro.filter = *report::Filter::make({}, {}, {});
    ro.format = format;
    std::ostringstream out;
    EXPECT_TRUE(report::write_report(ro, out).ok());
    return out.str();
  }

  TempDir dir;
  std::filesystem::path path = dir.path() / "ledger.jsonl";
  ledger::LedgerOptions options = options_for(path);
};

} // namespace

TEST_F(ReportTest, SummaryArithmetic) {
  auto r = json_report();
  const auto& t = r["summary"]["totals"];
  EXPECT_EQ(t["pushes"], 4);
  EXPECT_EQ(t["decisions"], 5);
  EXPECT_EQ(t["accepted"], 3);
  EXPECT_EQ(t["rejected"], 2);
  EXPECT_EQ(t["agent_decisions"], 1);
  EXPECT_EQ(t["commits"], 5);
  EXPECT_EQ(t["ai_commits"], 4);
  EXPECT_EQ(t["ai_commits_protected"], 3); // c1, c2 (main), c5 (release/1); not c4 (feature)
  EXPECT_EQ(t["ai_commits_protected_reviewed"], 2);
  EXPECT_DOUBLE_EQ(t["ai_protected_reviewed_share"].get<double>(), 2.0 / 3.0);
  EXPECT_EQ(t["bypasses"], 2);
  EXPECT_EQ(t["findings"], 1);
  // Review coverage counts every commit reaching a protected ref, AI-assisted or not.
  EXPECT_EQ(t["protected_commits"], 4); // c1, c2, c3 (main), c5 (release/1)
  EXPECT_EQ(t["protected_commits_reviewed"], 2);
  EXPECT_EQ(t["bypassed_decisions"], 1);
  ASSERT_EQ(r["summary"]["unreviewed"].size(), 2u);
  EXPECT_EQ(r["summary"]["unreviewed"][0]["commit"], "c2");
  EXPECT_EQ(r["summary"]["unreviewed"][1]["commit"], "c3");
  EXPECT_EQ(
      t["rejections_by_rule"],
      util::Json({{"agents.protected", 1}, {"refs.force_push", 1}, {"trailers.reviewed_by", 2}}));
  ASSERT_EQ(r["summary"]["periods"].size(), 2u);
  EXPECT_EQ(r["summary"]["periods"][0]["period"], "2026-02");
  EXPECT_EQ(r["summary"]["periods"][0]["decisions"], 2);
  EXPECT_EQ(r["summary"]["periods"][0]["pushes"], 1);
  EXPECT_EQ(r["summary"]["periods"][1]["rejected"], 2);
}

TEST_F(ReportTest, OneRowPerDecisionAndPerCommitWithChainPosition) {
  auto r = json_report();
  ASSERT_EQ(r["rows"].size(), 10u); // 5 decisions + 5 commits
  const auto& first = r["rows"][0];
  EXPECT_EQ(first["row"], "decision");
  EXPECT_EQ(first["seq"], 1);
  EXPECT_EQ(first["line"], 1);
  EXPECT_EQ(first["file"], "ledger.jsonl");
  EXPECT_EQ(first["hash"], util::Json::parse(read_lines(path)[0])["hash"]);
  EXPECT_EQ(first["protected"], true);
  const auto& c1 = r["rows"][1];
  EXPECT_EQ(c1["row"], "commit");
  EXPECT_EQ(c1["commit"], "c1");
  EXPECT_EQ(c1["ai_tool"], "claude-code 1.0");
  EXPECT_EQ(c1["reviewers"], "Rita <rita@example.com>");
  auto rejected = std::find_if(r["rows"].begin(), r["rows"].end(),
                               [](const util::Json& row) { return row["seq"] == 3; });
  EXPECT_EQ((*rejected)["rules"], "refs.force_push (CC8.1); trailers.reviewed_by (CC8.1)");
  auto c5 = std::find_if(r["rows"].begin(), r["rows"].end(),
                         [](const util::Json& row) { return row["commit"] == "c5"; });
  EXPECT_EQ((*c5)["ai_tool"], "claude 4");
  EXPECT_EQ((*c5)["reviewers"], "Bob <bob@example.com>");
  EXPECT_EQ((*c5)["findings"], "aws-key a.txt:3 AKIA**** [f1]");
  auto d4 = std::find_if(r["rows"].begin(), r["rows"].end(), [](const util::Json& row) {
    return row["seq"] == 4 && row["row"] == "decision";
  });
  EXPECT_EQ((*d4)["bypasses"], "f1: test key, revoked (by alice); f2: fixture (by alice)");
}

TEST_F(ReportTest, FiltersByTimeWindowAndRefGlob) {
  auto march = json_report("2026-03-01", "2026-03-07");
  EXPECT_EQ(march["summary"]["totals"]["decisions"], 3); // a date-only --to includes that day
  auto until = json_report({}, "2026-03-07T12:00:00Z");
  EXPECT_EQ(until["summary"]["totals"]["decisions"], 4);
  auto main = json_report({}, {}, "refs/heads/main");
  EXPECT_EQ(main["summary"]["totals"]["decisions"], 3);
  auto release = json_report({}, {}, "refs/heads/release/*");
  EXPECT_EQ(release["summary"]["totals"]["decisions"], 1);
  EXPECT_EQ(release["report"]["filters"], util::Json({{"ref", "refs/heads/release/*"}}));
  auto bad = report::Filter::make(std::string("March"), {}, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "--from 'March' is not a date");
}

TEST_F(ReportTest, CsvQuotesAndDefusesFormulas) {
  std::string csv = text_report(report::Format::csv);
  std::istringstream in(csv);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header.substr(0, 21), "row,seq,time,repo,hoo");
  EXPECT_NE(csv.find(",'=cmd|' /C calc'!A0,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"f1: test key, revoked (by alice); f2: fixture (by alice)\""),
            std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 11);
}

TEST_F(ReportTest, HtmlIsSelfContainedWithFiguresAndChart) {
  std::string html = text_report(report::Format::html);
  EXPECT_NE(html.find("<dd id=\"fig-decisions\">5</dd>"), std::string::npos);
  EXPECT_NE(html.find("<dd id=\"fig-ai-share\">66.7%</dd>"), std::string::npos);
  EXPECT_NE(html.find("data-period=\"2026-03\" data-accepted=\"1\" data-rejected=\"2\""),
            std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_NE(html.find(" by =cmd|&#39; /C calc&#39;!A0;"), std::string::npos); // escaped
  EXPECT_NE(html.find("<section class=\"control\" id=\"control-CC8.1\">"), std::string::npos);
  EXPECT_NE(html.find("@page{size:A4"), std::string::npos);
  EXPECT_NE(html.find("Broke refs.force_push (CC8.1)"), std::string::npos);
}

TEST_F(ReportTest, MarkdownHasRowsAndSummary) {
  std::string md = text_report(report::Format::md);
  EXPECT_NE(md.find("| 2026-02 | 1 | 2 | 2 | 0 | 2 | 1 | 0 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| **total** | 4 | 5 | 3 | 2 | 3 | 2 | 2 |"), std::string::npos);
  EXPECT_NE(md.find("- `trailers.reviewed_by`: 2"), std::string::npos);
}

TEST(SplitMix64Test, MatchesTheReferenceImplementation) {
  // splitmix64.c (Vigna) seeded with 1234567: its first three outputs.
  EXPECT_EQ(report::splitmix64_nth(1234567, 1), 6457827717110365317ULL);
  EXPECT_EQ(report::splitmix64_nth(1234567, 2), 3203168211198807973ULL);
  EXPECT_EQ(report::splitmix64_nth(1234567, 3), 9817491932198370423ULL);
}

class SampleTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::vector<util::Json> bodies;
    for (int i = 1; i <= 200; ++i)
      bodies.push_back(decision_body(i, i % 4 ? "accepted" : "rejected"));
    ASSERT_TRUE(ledger::append(options, bodies).ok());
  }
  util::Json sample(uint64_t seed, size_t n, const std::optional<std::string>& ref = {}) {
    report::SampleOptions so;
    so.ledger = path;
    so.seed = seed;
    so.seed_text = std::to_string(seed);
    so.n = n;
    so.json = true;
    so.filter = *report::Filter::make({}, {}, ref);
    std::ostringstream out;
    EXPECT_TRUE(report::write_sample(so, out).ok());
    return util::Json::parse(out.str());
  }
  TempDir dir;
  std::filesystem::path path = dir.path() / "ledger.jsonl";
  ledger::LedgerOptions options = options_for(path);
};

TEST_F(SampleTest, SameSeedSameSampleOtherSeedOtherSample) {
  auto a = sample(42, 25);
  auto b = sample(42, 25);
  auto c = sample(43, 25);
  EXPECT_EQ(a["items"], b["items"]);
  EXPECT_NE(a["items"], c["items"]);
  EXPECT_EQ(a["items"].size(), 25u);
  EXPECT_EQ(a["sample"]["population"], 200);
}

TEST_F(SampleTest, PicksTheSmallestKeysAndProvesPositions) {
  auto s = sample(2026, 25);
  std::vector<std::pair<uint64_t, uint64_t>> keys; // computed here from seq alone
  for (uint64_t seq = 1; seq <= 200; ++seq)
    keys.emplace_back(report::splitmix64_nth(2026, seq), seq);
  std::sort(keys.begin(), keys.end());
  std::set<uint64_t> expected;
  for (size_t i = 0; i < 25; ++i)
    expected.insert(keys[i].second);
  std::set<uint64_t> got;
  auto lines = read_lines(path);
  uint64_t last = 0;
  for (const auto& item : s["items"]) {
    uint64_t seq = item["seq"];
    EXPECT_GT(seq, last); // chain order
    last = seq;
    got.insert(seq);
    const auto& line = lines[item["line"].get<size_t>() - 1];
    EXPECT_EQ(util::Json::parse(line)["hash"], item["hash"]);
    EXPECT_EQ(util::Json::parse(line)["prev"], item["prev"]);
    EXPECT_EQ(item["record"]["seq"], seq);
  }
  EXPECT_EQ(got, expected);
}

TEST_F(SampleTest, NLargerThanThePopulationTakesAll) {
  auto s = sample(1, 500, "refs/heads/feature-1*");
  EXPECT_EQ(s["sample"]["population"], 111); // feature-1, -10..-19, -100..-199
  EXPECT_EQ(s["items"].size(), 111u);
}

TEST(SeedTest, NumbersAreTakenAsIsAndTextIsHashed) {
  EXPECT_EQ(report::parse_seed("42"), 42u);
  EXPECT_EQ(report::parse_seed("2026-Q1-audit"), report::parse_seed("2026-Q1-audit"));
  EXPECT_NE(report::parse_seed("2026-Q1-audit"), report::parse_seed("2026-Q2-audit"));
}

TEST(ObjectScanTest, ReadsTopLevelMembersAndDecodesStrings) {
  auto o = report::ObjectScan::scan(
      R"({"a":"x\"y\\z\n\u00e9\ud83d\ude00","n":12,"b":true,"o":{"a":"inner"},"l":[1,{"k":"]"},"s"],"z":null})");
  ASSERT_TRUE(o);
  EXPECT_EQ(o->text("a"), "x\"y\\z\n\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(o->text("n"), "12");
  EXPECT_TRUE(o->flag("b"));
  EXPECT_EQ(*o->raw("o"), R"({"a":"inner"})");
  std::vector<std::string> items;
  o->each("l", [&](std::string_view raw) { items.emplace_back(raw); });
  EXPECT_EQ(items, (std::vector<std::string>{"1", R"({"k":"]"})", "\"s\""}));
  EXPECT_EQ(o->text("z"), "");
  EXPECT_EQ(o->text("missing"), "");
  EXPECT_FALSE(report::ObjectScan::scan("[1]"));
  EXPECT_FALSE(report::ObjectScan::scan(R"({"a":1)"));
}
