// Each kind of tampering, asserted with the exact message `custody log verify` prints.
#include "ledger/record_line.hpp"
#include "ledger/segments.hpp"
#include "support/ledger_fixture.hpp"
#include "util/sha256.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace custody;
using namespace custody::test;

namespace {

class VerifyTest : public ::testing::Test {
protected:
  void SetUp() override { append_records(options, 5); }

  std::string first_error() { return error_text(verify_path(path)); }

  TempDir dir;
  std::filesystem::path path = dir.path() / "ledger.jsonl";
  ledger::LedgerOptions options = options_for(path);
};

// Re-serialises a record after editing it, with seq/prev kept and the hash recomputed: what an
// attacker who knows the format would do.
std::string rehash(const std::string& line, const std::function<void(util::Json&)>& edit) {
  auto json = util::Json::parse(line);
  edit(json);
  json.erase("hash");
  util::Json body = json;
  body.erase("seq");
  body.erase("prev");
  std::optional<uint64_t> segment;
  if (body.contains("segment")) {
    segment = body["segment"].get<uint64_t>();
    body.erase("segment");
  }
  return ledger::make_line(json["seq"], json["prev"], segment, body);
}

} // namespace

TEST_F(VerifyTest, IntactChainVerifies) {
  auto report = verify_path(path);
  EXPECT_FALSE(report.error) << error_text(report);
  EXPECT_EQ(report.records, 5u);
  EXPECT_EQ(report.segments, 1u);
  EXPECT_TRUE(report.warnings.empty());
}

TEST_F(VerifyTest, EditedRecordIsNamed) {
  auto lines = read_lines(path);
  size_t at = lines[2].find("\"accepted\"");
  lines[2].replace(at, 10, "\"rejected\"");
  write_lines(path, lines);
  EXPECT_EQ(first_error(), "ledger.jsonl:3: record seq 3: hash does not match the record's content "
                           "(the record was altered)");
}

TEST_F(VerifyTest, EditedRecordWithRecomputedHashBreaksTheNextLink) {
  auto lines = read_lines(path);
  lines[2] = rehash(lines[2], [](util::Json& j) { j["decision"] = "rejected"; });
  write_lines(path, lines);
  EXPECT_EQ(
      first_error(),
      "ledger.jsonl:4: record seq 4: prev does not match the hash of record seq 3 (that record was "
      "altered, or this one was inserted)");
}

TEST_F(VerifyTest, DeletedRecordIsNamed) {
  auto lines = read_lines(path);
  lines.erase(lines.begin() + 2);
  write_lines(path, lines);
  EXPECT_EQ(first_error(),
            "ledger.jsonl:3: record seq 4 where seq 3 was expected: records deleted or reordered");
}

TEST_F(VerifyTest, ReorderedRecordsAreNamed) {
  auto lines = read_lines(path);
  std::swap(lines[1], lines[2]);
  write_lines(path, lines);
  EXPECT_EQ(first_error(),
            "ledger.jsonl:2: record seq 3 where seq 2 was expected: records deleted or reordered");
}

TEST_F(VerifyTest, InsertedCopyIsNamed) {
  auto lines = read_lines(path);
  lines.insert(lines.begin() + 3, lines[1]);
  write_lines(path, lines);
  EXPECT_EQ(first_error(), "ledger.jsonl:4: record seq 2 where seq 4 was expected: a record was "
                           "inserted, duplicated or reordered");
}

TEST_F(VerifyTest, InsertedForgedRecordIsNamed) {
  auto lines = read_lines(path);
  // A well-formed record claiming seq 3 and chaining from seq 2: the original seq 3 then fails.
  std::string forged = rehash(lines[2], [](util::Json& j) { j["ref"] = "refs/heads/forged"; });
  lines.insert(lines.begin() + 2, forged);
  write_lines(path, lines);
  EXPECT_EQ(first_error(), "ledger.jsonl:4: record seq 3 where seq 4 was expected: a record was "
                           "inserted, duplicated or reordered");
}

TEST_F(VerifyTest, LineThatIsNotAJsonObjectIsRejectedEvenWithAValidHash) {
  auto lines = read_lines(path);
  // Right frame, right chain, right hash, but the body is not JSON.
  std::string body =
      "{\"seq\":3,\"prev\":\"" + util::Json::parse(lines[1])["hash"].get<std::string>() + "\",oops";
  std::string hash = util::sha256_hex(body + "}");
  lines[2] = body + ",\"hash\":\"" + hash + "\"}";
  write_lines(path, lines);
  EXPECT_EQ(
      first_error(),
      "ledger.jsonl:3: line is not a ledger record (after seq 2): not a JSON object with seq, "
      "prev and hash, and no recovery record names it");
}

TEST_F(VerifyTest, TruncationIsCaughtByTheWitness) {
  auto lines = read_lines(path);
  ledger::Witness witness{5, util::Json::parse(lines[4])["hash"]};
  lines.resize(3);
  write_lines(path, lines);
  ledger::VerifyOptions verify_options{path, std::nullopt, witness, {}};
  auto report = ledger::verify(verify_options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(error_text(*report), "ledger.jsonl: the ledger ends at seq 3, before the witnessed "
                                 "head seq 5 (records were truncated)");
}

TEST_F(VerifyTest, RewrittenHistoryIsCaughtByTheWitness) {
  auto lines = read_lines(path);
  ledger::Witness witness{5, util::Json::parse(lines[4])["hash"]};
  std::string prev = util::Json::parse(lines[2])["prev"];
  lines.resize(2);
  write_lines(path, lines);
  append_records(options, 3, 100); // a rewritten tail: seq 3..5 again, all well chained
  ledger::VerifyOptions verify_options{path, std::nullopt, witness, {}};
  auto report = ledger::verify(verify_options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(error_text(*report).substr(0, 35), "ledger.jsonl:5: record seq 5 has ha");
  EXPECT_NE(error_text(*report).find("but the witness recorded " + witness.hash +
                                     " (history was rewritten)"),
            std::string::npos);
}

TEST_F(VerifyTest, TornFinalBytesAreAWarningNotAnError) {
  std::string content = slurp(path);
  size_t last_size = read_lines(path).back().size() + 1;
  spit(path, content.substr(0, content.size() - 40));
  auto report = verify_path(path);
  EXPECT_FALSE(report.error) << error_text(report);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.records, 4u);
  EXPECT_EQ(ledger::format_finding(report.warnings[0]),
            "ledger.jsonl:5: torn tail (" + std::to_string(last_size - 40) + " bytes at byte " +
                std::to_string(content.size() - last_size) +
                "): a writer was interrupted; the next append records a recovery");
}

TEST_F(VerifyTest, MissingLedgerIsAnError) {
  ledger::VerifyOptions verify_options;
  verify_options.path = dir.path() / "nothing.jsonl";
  auto report = ledger::verify(verify_options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::not_found);
}

class SegmentTamperTest : public ::testing::Test {
protected:
  void SetUp() override {
    options.rotate_bytes = 1; // every call rotates: one record per closed segment
    append_records(options, 5);
  }
  TempDir dir;
  std::filesystem::path path = dir.path() / "ledger.jsonl";
  ledger::LedgerOptions options = options_for(path);
};

TEST_F(SegmentTamperTest, AllSegmentsVerifyInOrder) {
  auto report = verify_path(path);
  EXPECT_FALSE(report.error) << error_text(report);
  EXPECT_EQ(report.segments, 5u);
  EXPECT_EQ(report.records, 5u);
}

TEST_F(SegmentTamperTest, RemovedMiddleSegmentIsNamed) {
  std::filesystem::remove(ledger::segment_path(path, 2));
  EXPECT_EQ(
      error_text(verify_path(path)),
      "ledger.000002.jsonl: segment 2 is missing (the next file present is ledger.000003.jsonl)");
}

TEST_F(SegmentTamperTest, RemovedLastClosedSegmentIsNamed) {
  std::filesystem::remove(ledger::segment_path(path, 4));
  EXPECT_EQ(error_text(verify_path(path)), "ledger.jsonl: segment 4 is missing (the live segment's "
                                           "first record, seq 5, opens segment 5)");
}

TEST_F(SegmentTamperTest, RemovedFirstSegmentIsNamed) {
  std::filesystem::remove(ledger::segment_path(path, 1));
  EXPECT_EQ(
      error_text(verify_path(path)),
      "ledger.000001.jsonl: segment 1 is missing (the next file present is ledger.000002.jsonl)");
}

TEST_F(SegmentTamperTest, ReorderedSegmentsAreNamed) {
  auto s2 = ledger::segment_path(path, 2);
  auto s3 = ledger::segment_path(path, 3);
  std::filesystem::rename(s2, dir.path() / "tmp");
  std::filesystem::rename(s3, s2);
  std::filesystem::rename(dir.path() / "tmp", s3);
  EXPECT_EQ(error_text(verify_path(path)),
            "ledger.000002.jsonl:1: record seq 3 opens segment 3, but this file is "
            "segment 2 (segment files renamed or reordered)");
}

TEST_F(SegmentTamperTest, TruncatedClosedSegmentIsNamed) {
  spit(ledger::segment_path(path, 2), "");
  EXPECT_EQ(error_text(verify_path(path)),
            "ledger.000002.jsonl: closed segment 2 holds no records");
}
