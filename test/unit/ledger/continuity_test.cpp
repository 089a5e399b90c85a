// The head file: a deleted, truncated or replaced ledger is refused, never restarted silently.
#include "ledger/head_file.hpp"
#include "ledger/ledger.hpp"
#include "ledger/verify.hpp"
#include "support/ledger_fixture.hpp"

#include <gtest/gtest.h>

using namespace custody;
using namespace custody::test;

namespace {

class ContinuityTest : public ::testing::Test {
protected:
  TempDir dir;
  std::filesystem::path path = dir.path() / "custody" / "ledger.jsonl";
  std::filesystem::path head = dir.path() / "custody-ledger.head";
  ledger::LedgerOptions options = with_head(options_for(path));

  ledger::LedgerOptions with_head(ledger::LedgerOptions o) {
    o.head_file = head;
    return o;
  }
  ledger::VerifyReport verify() {
    auto report = ledger::verify({path, std::nullopt, std::nullopt, head});
    EXPECT_TRUE(report.ok()) << report.error().message;
    return *report;
  }
};

} // namespace

TEST_F(ContinuityTest, EveryAppendMovesTheHeadFile) {
  append_records(options, 3);
  auto mark = ledger::read_head_file(head);
  ASSERT_TRUE(mark.ok() && *mark);
  EXPECT_EQ((*mark)->seq, 3u);
  EXPECT_EQ((*mark)->hash, util::Json::parse(read_lines(path).back())["hash"]);
  EXPECT_EQ(slurp(head).substr(0, 22), "custody-ledger-head 1\n");
}

TEST_F(ContinuityTest, DeletedLedgerIsRefusedAndNotRecreated) {
  append_records(options, 3);
  std::filesystem::remove(path);
  auto result = ledger::append(options, {decision_body(4)});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::invalid_input);
  EXPECT_NE(result.error().message.find("ends at no record, but its head file"), std::string::npos)
      << result.error().message;
  EXPECT_NE(result.error().hint.find("custody log verify --accept-gap"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path));
  auto report = verify();
  ASSERT_TRUE(report.error);
  EXPECT_NE(report.error->message.find("records seq 3 (hash"), std::string::npos);
}

TEST_F(ContinuityTest, TruncatedLedgerIsRefusedAndReported) {
  append_records(options, 4);
  auto lines = read_lines(path);
  write_lines(path, {lines[0], lines[1]});
  auto result = ledger::append(options, {decision_body(5)});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("ends at seq 2 (hash"), std::string::npos);
  EXPECT_EQ(read_lines(path).size(), 2u);
  auto report = verify();
  ASSERT_TRUE(report.error);
  EXPECT_NE(report.error->message.find("records were deleted or truncated"), std::string::npos);
}

TEST_F(ContinuityTest, ReplacedChainOfTheSameLengthIsRefused) {
  append_records(options, 2);
  std::filesystem::remove(path);
  append_records(options_for(path), 2, 7); // another chain, written without the head file
  auto result = ledger::append(options, {decision_body(9)});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("history was rewritten"), std::string::npos);
}

TEST_F(ContinuityTest, LedgerAheadOfTheHeadFileContinuesWhenItHoldsTheHead) {
  append_records(options, 2);
  append_records(options_for(path), 1, 3); // as after a crash before the head file moved
  EXPECT_TRUE(ledger::append(options, {decision_body(4)}).ok());
  EXPECT_FALSE(verify().error);
}

TEST_F(ContinuityTest, AcceptingAGapIsRecordedAndPushesResume) {
  append_records(options, 3);
  std::filesystem::remove(path);
  auto accepted = ledger::accept_gap(options, "alice");
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  EXPECT_EQ(accepted->seq, 1u);
  auto record = util::Json::parse(read_lines(path).at(0));
  EXPECT_EQ(record["type"], "gap");
  EXPECT_EQ(record["by"], "alice");
  EXPECT_EQ(record["expected"]["seq"], 3);
  EXPECT_EQ(record["found"]["seq"], 0);
  EXPECT_TRUE(ledger::append(options, {decision_body(4)}).ok());
  EXPECT_FALSE(verify().error);
  EXPECT_FALSE(ledger::accept_gap(options, "alice").ok()); // no gap left to accept
}

TEST_F(ContinuityTest, CallersCannotWriteAGapRecord) {
  util::Json body = decision_body(1);
  body["type"] = "gap";
  EXPECT_FALSE(ledger::append(options, {body}).ok());
}

TEST_F(ContinuityTest, DamagedHeadFileFailsClosed) {
  append_records(options, 1);
  spit(head, "garbage\n");
  auto result = ledger::append(options, {decision_body(2)});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("is damaged"), std::string::npos);
}
