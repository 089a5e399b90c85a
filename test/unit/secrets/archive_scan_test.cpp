// Unit tests for lib/secrets/archive_scan.cpp: members of zip, tar.gz and gzip blobs are scanned
// and reported at "<archive>!<member>", nesting and expansion are bounded, and what could not be
// scanned is listed with its reason. Archives are written with libarchive itself.
#include "config/diagnostics.hpp"
#include "secrets/archive_scan.hpp"
#include "secrets/blob_scan.hpp"
#include "secrets/rule_file.hpp"

#include <gtest/gtest.h>

#include <archive.h>
#include <archive_entry.h>
#include <chrono>

using namespace custody::secrets;

namespace {

constexpr std::string_view k_rule = R"(
[[rule]]
id = "acme-token"
description = "ACME token"
regex = '(acme_[A-Za-z0-9]{32})'
keywords = ["acme_"]
)";

const std::string k_secret = "ACME_TOKEN=acme_q8Zk2Lm4Rt7Yb1Xc9Vn3Hs6Jd0Fp5GwT\n";

Engine engine_with(int depth = 2, uint64_t max_bytes = uint64_t{50} << 20) {
  custody::config::Diagnostics errors;
  RuleFile file = load_rule_text(k_rule, "test.toml", errors);
  EXPECT_TRUE(errors.empty());
  EngineOptions options;
  options.archive_max_depth = depth;
  options.archive_max_bytes = max_bytes;
  return std::move(Engine::build(std::move(file.rules), std::move(options)).value());
}

struct Member {
  std::string name, data;
};

// An archive of `members`: "zip", "tar.gz", "tar", or "gz" (one member, no name).
std::string make_archive(const std::vector<Member>& members, std::string_view format,
                         const char* passphrase = nullptr) {
  size_t total = 1 << 16;
  for (const auto& m : members)
    total += m.data.size() + 1024;
  std::string buffer(total, '\0');
  size_t used = 0;
  archive* a = archive_write_new();
  if (format == "zip")
    archive_write_set_format_zip(a);
  else if (format == "gz")
    archive_write_set_format_raw(a);
  else
    archive_write_set_format_pax_restricted(a);
  if (format == "tar.gz" || format == "gz")
    archive_write_add_filter_gzip(a);
  if (passphrase) {
    archive_write_set_options(a, "zip:encryption=zipcrypt");
    archive_write_set_passphrase(a, passphrase);
  }
  EXPECT_EQ(archive_write_open_memory(a, buffer.data(), buffer.size(), &used), ARCHIVE_OK);
  for (const auto& m : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(m.data.size()));
    EXPECT_EQ(archive_write_header(a, e), ARCHIVE_OK) << archive_error_string(a);
    EXPECT_EQ(archive_write_data(a, m.data.data(), m.data.size()),
              static_cast<la_ssize_t>(m.data.size()));
    archive_entry_free(e);
  }
  EXPECT_EQ(archive_write_close(a), ARCHIVE_OK) << archive_error_string(a);
  archive_write_free(a);
  buffer.resize(used);
  return buffer;
}

ScannedBlob scan(const Engine& engine, std::string content, std::string path) {
  NewBlob where{"0123456789abcdef0123456789abcdef01234567", "c0ffee", std::move(path), 0};
  const uint64_t size = content.size();
  return scan_one_blob(engine, where, custody::git::Repo::Blob{size, std::move(content)},
                       Deadline::max());
}

} // namespace

TEST(ArchiveScan, ZipMemberFindingCarriesTheMemberPathAndLine) {
  const Engine engine = engine_with();
  const std::string zip = make_archive(
      {{"README", "nothing here\n"}, {"config/app.properties", "a=1\n" + k_secret}}, "zip");
  ScannedBlob sb = scan(engine, zip, "dist/app.jar");
  EXPECT_EQ(sb.status, BlobStatus::scanned);
  ASSERT_EQ(sb.findings.size(), 1u);
  EXPECT_EQ(sb.findings[0].rule, "acme-token");
  EXPECT_EQ(sb.findings[0].inner_path, "config/app.properties");
  EXPECT_EQ(sb.findings[0].line, 2);
  EXPECT_EQ(finding_path("dist/app.jar", sb.findings[0]), "dist/app.jar!config/app.properties");
  EXPECT_TRUE(sb.archive_skips.empty());
}

TEST(ArchiveScan, NestedZipInTarGzIsOpenedWithinTheDepth) {
  const Engine engine = engine_with(2);
  const std::string inner = make_archive({{"secrets.yml", k_secret}}, "zip");
  const std::string tgz = make_archive({{"lib/inner.zip", inner}}, "tar.gz");
  ScannedBlob sb = scan(engine, tgz, "release.tar.gz");
  ASSERT_EQ(sb.findings.size(), 1u);
  EXPECT_EQ(sb.findings[0].inner_path, "lib/inner.zip!secrets.yml");
  EXPECT_TRUE(sb.archive_skips.empty());
}

TEST(ArchiveScan, ArchivesDeeperThanTheLimitAreRecordedNotOpened) {
  const Engine engine = engine_with(1);
  const std::string inner = make_archive({{"secrets.yml", k_secret}}, "zip");
  const std::string tgz = make_archive({{"lib/inner.zip", inner}}, "tar.gz");
  ScannedBlob sb = scan(engine, tgz, "release.tar.gz");
  EXPECT_TRUE(sb.findings.empty());
  ASSERT_EQ(sb.archive_skips.size(), 1u);
  EXPECT_EQ(sb.archive_skips[0].inner_path, "lib/inner.zip");
  EXPECT_EQ(sb.archive_skips[0].reason, ArchiveSkipReason::too_deep);
  EXPECT_EQ(sb.archive_skips[0].size, inner.size());
}

TEST(ArchiveScan, DepthZeroLeavesArchivesBinary) {
  const Engine engine = engine_with(0);
  ScannedBlob sb = scan(engine, make_archive({{"a.txt", k_secret}}, "zip"), "a.zip");
  EXPECT_EQ(sb.status, BlobStatus::binary);
  EXPECT_TRUE(sb.findings.empty());
}

TEST(ArchiveScan, ZipBombStopsAtTheExpansionBudget) {
  const uint64_t budget = uint64_t{1} << 20;
  const Engine engine = engine_with(2, budget);
  // 64 MiB of one byte compresses to about 64 KiB; a bomb nested in a zip shares the budget.
  const std::string bomb = make_archive({{"big.txt", std::string(size_t{64} << 20, 'a')}}, "zip");
  ASSERT_LT(bomb.size(), size_t{1} << 20);
  const std::string outer = make_archive({{"bomb.zip", bomb}, {"after.txt", k_secret}}, "zip");
  ScannedBlob sb = scan(engine, outer, "bomb.zip");
  ASSERT_EQ(sb.archive_skips.size(), 1u);
  EXPECT_EQ(sb.archive_skips[0].inner_path, "bomb.zip!big.txt");
  EXPECT_EQ(sb.archive_skips[0].reason, ArchiveSkipReason::too_big);
  EXPECT_LE(sb.archive_skips[0].size, budget);
  EXPECT_TRUE(sb.findings.empty()); // nothing after the budget is expanded: recorded instead
}

TEST(ArchiveScan, GzipOfOneFileIsNamedAfterTheBlob) {
  const Engine engine = engine_with();
  ScannedBlob sb = scan(engine, make_archive({{"x", k_secret}}, "gz"), "deploy/prod.env.gz");
  ASSERT_EQ(sb.findings.size(), 1u);
  EXPECT_EQ(sb.findings[0].inner_path, "prod.env");
}

TEST(ArchiveScan, EncryptedAndCorruptArchivesAreRecorded) {
  const Engine engine = engine_with();
  ScannedBlob enc = scan(engine, make_archive({{"c.txt", k_secret}}, "zip", "pw"), "e.zip");
  ASSERT_EQ(enc.archive_skips.size(), 1u);
  EXPECT_EQ(enc.archive_skips[0].inner_path, "c.txt");
  EXPECT_EQ(enc.archive_skips[0].reason, ArchiveSkipReason::encrypted);

  ScannedBlob bad = scan(engine, std::string("PK\x03\x04\x14\x00garbage", 13), "bad.zip");
  ASSERT_EQ(bad.archive_skips.size(), 1u);
  EXPECT_EQ(bad.archive_skips[0].inner_path, "");
  EXPECT_EQ(bad.archive_skips[0].reason, ArchiveSkipReason::corrupt);
}

TEST(ArchiveScan, SkipsFollowTheOversizeAndBinaryPolicies) {
  SecretsConfig config;
  ArchiveSkip big{"big.txt", ArchiveSkipReason::too_big, 10};
  ArchiveSkip enc{"c.txt", ArchiveSkipReason::encrypted, 10};
  EXPECT_FALSE(refusal_for(big, "a.zip", config));
  config.oversize = OnSkip::reject;
  auto r = refusal_for(big, "a.zip", config);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rule, "secrets.archive-too-big");
  EXPECT_EQ(r->message, "archive member a.zip!big.txt cannot be scanned for secrets "
                        "(archive-too-big) and this server refuses such archives");
  EXPECT_FALSE(refusal_for(enc, "a.zip", config));
  config.binary = OnSkip::reject;
  EXPECT_EQ(refusal_for(enc, "a.zip", config)->rule, "secrets.archive-encrypted");
}

TEST(ArchiveScan, PastTheDeadlineTheArchiveIsNotScanned) {
  const Engine engine = engine_with();
  NewBlob where{"0123456789abcdef0123456789abcdef01234567", "c0ffee", "a.zip", 0};
  std::string zip = make_archive({{"c.txt", k_secret}}, "zip");
  const uint64_t size = zip.size();
  ScannedBlob sb = scan_one_blob(engine, where, custody::git::Repo::Blob{size, std::move(zip)},
                                 std::chrono::steady_clock::now() - std::chrono::seconds(1));
  EXPECT_EQ(sb.status, BlobStatus::not_scanned);
  EXPECT_TRUE(sb.findings.empty());
}

TEST(ArchiveScan, TruncatedAndDamagedArchivesNeverCrashAndFindOnlyWhatIsThere) {
  const Engine engine = engine_with();
  const std::string inner = make_archive({{"s.env", k_secret}}, "zip");
  for (const std::string& whole :
       {make_archive({{"a.txt", "hello\n"}, {"b.env", k_secret}}, "zip"),
        make_archive({{"lib/inner.zip", inner}, {"b.env", k_secret}}, "tar.gz")}) {
    for (size_t n = 0; n < whole.size(); n += 7) {
      std::string cut = whole.substr(0, n);
      ScannedBlob sb = scan(engine, cut, "x.bin");
      for (const Finding& f : sb.findings)
        EXPECT_EQ(f.rule, "acme-token");
      std::string flipped = whole;
      flipped[n] = static_cast<char>(flipped[n] ^ 0x5a);
      sb = scan(engine, flipped, "x.bin");
      for (const Finding& f : sb.findings)
        EXPECT_EQ(f.rule, "acme-token");
    }
  }
}

TEST(ArchiveScan, ManyUnscannedMembersAreSummarisedAfterSixtyFour) {
  const Engine engine = engine_with();
  std::vector<Member> members;
  for (int i = 0; i < 70; ++i)
    members.push_back({"m" + std::to_string(i) + ".txt", "x"});
  ScannedBlob sb = scan(engine, make_archive(members, "zip", "pw"), "many.zip");
  ASSERT_EQ(sb.archive_skips.size(), 65u);
  EXPECT_EQ(sb.archive_skips[63].inner_path, "m63.txt");
  EXPECT_EQ(sb.archive_skips[64].inner_path, "(6 more members not scanned)");
  EXPECT_EQ(sb.archive_skips[64].reason, ArchiveSkipReason::encrypted);
}

TEST(ArchiveScan, BinaryMembersAreListedWhereBinaryBlobsAreRefused) {
  const std::string zip = make_archive(
      {{"lib/A.class", std::string("\xca\xfe\xba\xbe\0\0", 6)}, {"b.txt", "ok\n"}}, "zip");
  EXPECT_TRUE(scan(engine_with(), zip, "app.jar").archive_skips.empty());
  custody::config::Diagnostics errors;
  RuleFile file = load_rule_text(k_rule, "test.toml", errors);
  EngineOptions options;
  options.archive_list_binary = true;
  const Engine strict = std::move(Engine::build(std::move(file.rules), std::move(options)).value());
  ScannedBlob sb = scan(strict, zip, "app.jar");
  ASSERT_EQ(sb.archive_skips.size(), 1u);
  EXPECT_EQ(sb.archive_skips[0].inner_path, "lib/A.class");
  EXPECT_EQ(sb.archive_skips[0].reason, ArchiveSkipReason::binary);
  SecretsConfig config;
  config.binary = OnSkip::reject;
  EXPECT_EQ(refusal_for(sb.archive_skips[0], "app.jar", config)->rule, "secrets.archive-binary");
}
