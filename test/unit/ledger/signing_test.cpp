#include "ledger/signer.hpp"
#include "support/ledger_fixture.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace custody;
using namespace custody::test;

namespace {

class SigningTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(ledger::write_key_pair(dir.path() / "keys").ok());
    options.signing_key = dir.path() / "keys" / "ledger-signing.key";
  }

  ledger::VerifyReport verify_with(const std::filesystem::path& key) {
    ledger::VerifyOptions verify_options{path, key, std::nullopt, {}};
    auto report = ledger::verify(verify_options);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? *report : ledger::VerifyReport{};
  }

  TempDir dir;
  std::filesystem::path path = dir.path() / "ledger.jsonl";
  std::filesystem::path public_key = dir.path() / "keys" / "ledger-signing.pub";
  ledger::LedgerOptions options = options_for(path);
};

} // namespace

TEST_F(SigningTest, KeygenWritesAPrivateKeyOnlyItsOwnerReads) {
  struct stat st {};
  ASSERT_EQ(::stat(options.signing_key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto again = ledger::write_key_pair(dir.path() / "keys");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().hint, "remove the old key first if you really mean to replace it");
}

TEST_F(SigningTest, EachAppendEndsInASignedCheckpoint) {
  append_records(options, 3);
  auto lines = read_lines(path);
  ASSERT_EQ(lines.size(), 6u);
  auto checkpoint = util::Json::parse(lines[5]);
  EXPECT_EQ(checkpoint["type"], "checkpoint");
  auto key = ledger::Ed25519Key::load_public(public_key);
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(checkpoint["key"], key->key_id());
  EXPECT_TRUE(key->verify(ledger::checkpoint_message(6, checkpoint["prev"].get<std::string>()),
                          checkpoint["sig"].get<std::string>()));
  auto report = verify_with(public_key);
  EXPECT_FALSE(report.error) << error_text(report);
  EXPECT_EQ(report.checkpoints, 3u);
  EXPECT_EQ(report.signatures_checked, 3u);
}

TEST_F(SigningTest, RewrittenChainFailsTheSignature) {
  append_records(options, 3);
  auto lines = read_lines(path);
  size_t at = lines[2].find("\"accepted\"");
  lines[2].replace(at, 10, "\"rejected\"");
  write_lines(path, lines);
  rechain(path);
  EXPECT_FALSE(verify_path(path).error);         // without the key, a consistent rewrite passes...
  EXPECT_EQ(error_text(verify_with(public_key)), // ...with it, it does not
            "ledger.jsonl:4: record seq 4: checkpoint signature is invalid");
}

TEST_F(SigningTest, AnotherKeyIsNamed) {
  append_records(options, 1);
  ASSERT_TRUE(ledger::write_key_pair(dir.path() / "other").ok());
  auto mine = ledger::Ed25519Key::load_public(public_key);
  auto other = ledger::Ed25519Key::load_public(dir.path() / "other" / "ledger-signing.pub");
  EXPECT_EQ(error_text(verify_with(dir.path() / "other" / "ledger-signing.pub")),
            "ledger.jsonl:2: record seq 2: checkpoint signed by key " + mine->key_id() +
                ", not by the given key " + other->key_id());
}

TEST_F(SigningTest, RecordsAfterTheLastCheckpointAreNotCovered) {
  append_records(options, 2);
  options.signing_key.clear();
  append_records(options, 2, 10);
  EXPECT_EQ(error_text(verify_with(public_key)),
            "ledger.jsonl: records seq 5..6 are not covered by a signed checkpoint (appended "
            "without the key, or forged)");
}

TEST_F(SigningTest, UnsignedLedgerFailsVerificationWithAKey) {
  options.signing_key.clear();
  append_records(options, 2);
  EXPECT_EQ(error_text(verify_with(public_key)),
            "ledger.jsonl: no signed checkpoint in the ledger");
}

TEST_F(SigningTest, UnreadableKeyFailsTheAppend) {
  options.signing_key = dir.path() / "missing.key";
  auto result = ledger::append(options, {decision_body(1)});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "cannot read the ledger signing key: cannot open " +
                                        options.signing_key.string() +
                                        ": No such file or directory");
  EXPECT_FALSE(std::filesystem::exists(path));
}
