#include "ledger/ledger.hpp"
#include "ledger/record_line.hpp"
#include "ledger/segments.hpp"
#include "support/ledger_fixture.hpp"
#include "util/sha256.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace custody;
using namespace custody::test;

namespace {

class AppendTest : public ::testing::Test {
protected:
  TempDir dir;
  std::filesystem::path path = dir.path() / "custody" / "ledger.jsonl";
  ledger::LedgerOptions options = options_for(path);
};

// The hash definition, restated independently of record_line.cpp: remove `,"hash":"<hex>"`.
std::string hash_by_definition(const std::string& line) {
  size_t at = line.rfind(",\"hash\":\"");
  return util::sha256_hex(line.substr(0, at) + line.substr(at + 9 + 64 + 1));
}

} // namespace

TEST_F(AppendTest, FirstRecordChainsFromZerosAndOpensSegmentOne) {
  auto result = ledger::append(options, {decision_body(1)});
  ASSERT_TRUE(result.ok()) << result.error().message;
  auto lines = read_lines(path);
  ASSERT_EQ(lines.size(), 1u);
  std::string prefix =
      "{\"seq\":1,\"prev\":\"" + std::string(64, '0') + "\",\"segment\":1,\"type\":\"decision\",";
  EXPECT_EQ(lines[0].substr(0, prefix.size()), prefix);
  auto json = util::Json::parse(lines[0]);
  EXPECT_EQ(json.items().begin().key(), "seq");
  EXPECT_EQ(std::prev(json.end()).key(), "hash");
  EXPECT_EQ(json["hash"], hash_by_definition(lines[0]));
  EXPECT_EQ((*result)[0].seq, 1u);
  EXPECT_EQ((*result)[0].hash, json["hash"]);
}

TEST_F(AppendTest, SeqIsGaplessAndPrevLinksEachRecordToTheLast) {
  append_records(options, 3);
  auto batch = ledger::append(options, {decision_body(4), decision_body(5)});
  ASSERT_TRUE(batch.ok());
  ASSERT_EQ(batch->size(), 2u);
  EXPECT_EQ((*batch)[1].seq, 5u);
  auto lines = read_lines(path);
  ASSERT_EQ(lines.size(), 5u);
  std::string prev(64, '0');
  for (size_t i = 0; i < lines.size(); ++i) {
    auto json = util::Json::parse(lines[i]);
    EXPECT_EQ(json["seq"], i + 1);
    EXPECT_EQ(json["prev"], prev);
    EXPECT_EQ(json["hash"], hash_by_definition(lines[i]));
    EXPECT_EQ(json.contains("segment"), i == 0);
    prev = json["hash"];
  }
  EXPECT_EQ((*batch)[1].hash, prev);
  auto report = verify_path(path);
  EXPECT_FALSE(report.error) << error_text(report);
  EXPECT_EQ(report.records, 5u);
  EXPECT_EQ(report.head_seq, 5u);
  EXPECT_EQ(report.head_hash, prev);
}

TEST_F(AppendTest, CreatesDirectoryAndFileWithRestrictedModes) {
  mode_t old = ::umask(022);
  ASSERT_TRUE(ledger::append(options, {decision_body(1)}).ok());
  ::umask(old);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  ASSERT_EQ(::stat(path.parent_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0750u);
}

TEST_F(AppendTest, RejectsBodiesThatSetChainKeys) {
  util::Json body = decision_body(1);
  body["seq"] = 7;
  auto result = ledger::append(options, {body});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "ledger: record body sets reserved key \"seq\"");
  util::Json fake = {{"type", "recovery"}};
  result = ledger::append(options, {fake});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message,
            "ledger: record type \"recovery\" is written only by the ledger");
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(AppendTest, RefusesToExtendAChainWhoseLastRecordIsDamaged) {
  append_records(options, 2);
  auto lines = read_lines(path);
  lines[1] = "{\"not\":\"a record\"}";
  write_lines(path, lines);
  auto result = ledger::append(options, {decision_body(3)});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message,
            "the last record of " + path.string() + " is damaged; refusing to extend the chain");
  EXPECT_EQ(result.error().hint, "run `custody log verify` to locate the damage");
}

TEST_F(AppendTest, RotationContinuesTheChainInNumberedSegments) {
  options.rotate_bytes = 1500; // a decision line is ~550 bytes: three records per segment
  append_records(options, 10);
  auto s1 = ledger::segment_path(path, 1);
  auto s2 = ledger::segment_path(path, 2);
  auto s3 = ledger::segment_path(path, 3);
  EXPECT_EQ(s1.filename(), "ledger.000001.jsonl");
  ASSERT_TRUE(std::filesystem::exists(s1));
  ASSERT_TRUE(std::filesystem::exists(s3));
  EXPECT_FALSE(std::filesystem::exists(ledger::segment_path(path, 4)));
  EXPECT_EQ(read_lines(s1).size(), 3u);
  auto last_of_1 = util::Json::parse(read_lines(s1).back());
  auto first_of_2 = util::Json::parse(read_lines(s2).front());
  EXPECT_EQ(first_of_2["prev"], last_of_1["hash"]);
  EXPECT_EQ(first_of_2["seq"], 4);
  EXPECT_EQ(first_of_2["segment"], 2);
  EXPECT_EQ(util::Json::parse(read_lines(path).front())["segment"], 4);
  auto report = verify_path(path);
  EXPECT_FALSE(report.error) << error_text(report);
  EXPECT_EQ(report.records, 10u);
  EXPECT_EQ(report.segments, 4u);
}

TEST(LedgerFrameTest, MakeLineKeepsBodyOrderAndFrameParses) {
  util::Json body = {{"type", "decision"}, {"z", 1}, {"a", "é\"\n"}};
  std::string line = ledger::make_line(42, std::string(64, 'f'), std::nullopt, body);
  auto frame = ledger::parse_frame(line);
  ASSERT_TRUE(frame);
  EXPECT_EQ(frame->seq, 42u);
  EXPECT_EQ(frame->prev, std::string(64, 'f'));
  EXPECT_EQ(ledger::frame_type(*frame), "decision");
  EXPECT_FALSE(ledger::frame_segment(*frame));
  EXPECT_EQ(line.substr(0, 84), "{\"seq\":42,\"prev\":\"" + std::string(64, 'f') + "\",");
  EXPECT_NE(line.find("\"z\":1,\"a\":\"é\\\"\\n\""), std::string::npos);
  EXPECT_EQ(ledger::expected_hash(line), frame->hash);
}

TEST(LedgerFrameTest, RejectsLinesOutsideTheFrame) {
  std::string good = ledger::make_line(1, std::string(64, '0'), 1, {{"type", "decision"}});
  EXPECT_TRUE(ledger::parse_frame(good));
  EXPECT_FALSE(ledger::parse_frame("{\"seq\":01" + good.substr(8)));
  EXPECT_FALSE(ledger::parse_frame(" " + good));
  EXPECT_FALSE(ledger::parse_frame(good.substr(0, good.size() - 1)));
  std::string upper = good;
  upper[upper.size() - 3] = 'A';
  EXPECT_FALSE(ledger::parse_frame(upper));
  EXPECT_FALSE(ledger::parse_frame("{}"));
}
