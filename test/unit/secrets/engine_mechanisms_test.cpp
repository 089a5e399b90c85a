// Unit tests for the engine mechanisms of issues 10 and 12: regex limits as a blob status,
// inline markers flagged (not dropped), keyed fingerprints, pushed-text scanning, indented PEM
// keys, decoding, secret files by name, tiers and baselines.
#include "config/diagnostics.hpp"
#include "secrets/baseline.hpp"
#include "secrets/blob_scan.hpp"
#include "secrets/derived_text.hpp"
#include "secrets/engine.hpp"
#include "secrets/fingerprint_key.hpp"
#include "secrets/redaction.hpp"
#include "secrets/rule_file.hpp"
#include "secrets/rule_set.hpp"
#include "secrets/scan_report.hpp"
#include "secrets/secret_files.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"
#include "util/sha256.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sys/stat.h>

using namespace custody::secrets;
using custody::test::TempDir;

namespace {

constexpr std::string_view k_acme = R"(
[[rule]]
id = "acme-token"
description = "ACME token"
regex = '(acme_[A-Za-z0-9]{32})'
keywords = ["acme_"]

[[rule]]
id = "acme-soft"
description = "ACME soft token"
regex = '(soft_[A-Za-z0-9]{16})'
keywords = ["soft_"]
tier = "warn"
)";

Engine engine_from(std::string_view toml, EngineOptions options = {}) {
  custody::config::Diagnostics errors;
  RuleFile file = load_rule_text(toml, "test.toml", errors);
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors.front().to_string());
  auto engine = Engine::build(std::move(file.rules), std::move(options));
  EXPECT_TRUE(engine.ok());
  return std::move(engine.value());
}

const Engine& builtin() {
  static const LoadedEngine loaded = load_engine(SecretsConfig{}).value();
  return loaded.engine;
}

std::string random_chars(size_t n, std::string_view alphabet, unsigned seed) {
  std::mt19937 rng(seed);
  std::string out;
  for (size_t i = 0; i < n; ++i)
    out += alphabet[rng() % alphabet.size()];
  return out;
}

const std::string k_token =
    "acme_" + random_chars(32, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 7);

std::string base64(std::string_view in) {
  static const char* t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    for (int s = 18; s >= 0; s -= 6)
      out += t[(v >> s) & 63];
  }
  if (i + 1 == in.size()) {
    uint32_t v = uint8_t(in[i]) << 16;
    out += std::string{t[(v >> 18) & 63], t[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == in.size()) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += std::string{t[(v >> 18) & 63], t[(v >> 12) & 63], t[(v >> 6) & 63], '='};
  }
  return out;
}

std::string hex(std::string_view in) {
  return custody::util::to_hex(reinterpret_cast<const uint8_t*>(in.data()), in.size());
}

// An RSA-shaped PEM body: 64-character base64 lines.
std::string pem_body(int lines, unsigned seed) {
  std::string out;
  for (int l = 0; l < lines; ++l)
    out += random_chars(64, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
                        seed + static_cast<unsigned>(l)) +
           "\n";
  return out;
}

std::vector<std::string> rules_of(const ScanResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    out.push_back(f.rule);
  return out;
}

} // namespace

// Issue 10: a few KB of crafted text in front of `password = "..."` pushes the generic-password
// regex past PCRE2's match limit. That must be a status the push check refuses, not a silent pass.
TEST(RegexLimit, CraftedPrefixBeforePasswordIsAStatusNotASilentAccept) {
  std::string attack;
  for (int i = 0; i < 1000; ++i)
    attack += "pwd_";
  attack += " password = \"S3cr3tV4lu3xyzQ\"\n";
  ScanResult r = builtin().scan(attack, "config/app.ini");
  ASSERT_FALSE(r.limited_rules.empty());
  EXPECT_NE(std::find(r.limited_rules.begin(), r.limited_rules.end(), "generic-password"),
            r.limited_rules.end());

  ScannedBlob blob;
  blob.status = BlobStatus::regex_limit;
  blob.size = attack.size();
  blob.limited_rules = r.limited_rules;
  SecretsConfig config;
  auto refusal = refusal_for(blob, config);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->rule, "secrets.regex_limit");
  EXPECT_NE(refusal->message.find("generic-password"), std::string::npos) << refusal->message;
  config.on_regex_limit = OnTimeout::accept;
  EXPECT_FALSE(refusal_for(blob, config).has_value());
  EXPECT_EQ(blob_status_name(BlobStatus::regex_limit), "regex-limit");
}

TEST(InlineMarker, FlaggedNotDroppedAndOffWhenIgnored) {
  Engine honoured = engine_from(k_acme);
  auto r = honoured.scan("t = \"" + k_token + "\" # custody:allow\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_TRUE(r.findings[0].silenced_by_marker);
  EngineOptions off;
  off.inline_allow = InlineAllow::ignored;
  auto plain = engine_from(k_acme, off).scan("t = \"" + k_token + "\" # gitleaks:allow\n");
  ASSERT_EQ(plain.findings.size(), 1u);
  EXPECT_FALSE(plain.findings[0].silenced_by_marker);
}

TEST(Fingerprint, KeyedHmacNotTheSecretsHash) {
  const std::string secret = "hunter2hunter2";
  const std::string a = fingerprint("generic-password", secret, std::string(32, 'a'));
  EXPECT_NE(a, fingerprint("generic-password", secret, std::string(32, 'b')));
  EXPECT_EQ(a, fingerprint("generic-password", secret, std::string(32, 'a')));
  // The old, unkeyed form could be reversed with a dictionary: it must not be what we show.
  EXPECT_EQ(a.find(custody::util::sha256_hex(secret).substr(0, 20)), std::string::npos);
  EXPECT_EQ(redact(secret), "hun…");                       // a quarter of 14 characters
  EXPECT_EQ(redact(secret).find("14"), std::string::npos); // no length
}

TEST(Fingerprint, KeyFileCreatedPrivateOnceAndReused) {
  TempDir dir;
  SecretsConfig config;
  auto path = fingerprint_key_path(config, dir.path());
  EXPECT_EQ(path, dir.path() / "custody" / "fingerprint.key");
  auto first = load_or_create_fingerprint_key(path);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->size(), 32u);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto second = load_or_create_fingerprint_key(path);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);
  config.fingerprint_key = (dir.path() / "site.key").string();
  EXPECT_EQ(fingerprint_key_path(config, dir.path()), dir.path() / "site.key");
  // A key others can read is refused: the ledger's fingerprints would be testable offline.
  ::chmod(path.c_str(), 0644);
  auto exposed = load_or_create_fingerprint_key(path);
  ASSERT_FALSE(exposed.ok());
  EXPECT_NE(exposed.error().message.find("readable by others"), std::string::npos);
}

TEST(Fingerprint, LoadEngineKeysFingerprintsPerInstallation) {
  TempDir one, two;
  SecretsConfig config;
  config.rules = {};
  auto a = load_engine(config, one.path());
  auto b = load_engine(config, two.path());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->engine.options().fingerprint_key, b->engine.options().fingerprint_key);
  EXPECT_EQ(a->engine.options().fingerprint_key,
            load_engine(config, one.path())->engine.options().fingerprint_key);
}

TEST(ScanText, CommitMessagesTagMessagesAndPathsCarryTheirKind) {
  Engine engine = engine_from(k_acme);
  auto msg = engine.scan_text("fix: rotate\n\nold token " + k_token + "\n",
                              Location::commit_message, "0123456789012345678901234567890123456789");
  ASSERT_EQ(msg.findings.size(), 1u);
  EXPECT_EQ(msg.findings[0].location, Location::commit_message);
  EXPECT_EQ(msg.findings[0].line, 3);
  auto path = engine.scan_text("configs/" + k_token + ".txt", Location::path);
  ASSERT_EQ(path.findings.size(), 1u);
  EXPECT_EQ(location_name(path.findings[0].location), "path");
  EXPECT_TRUE(engine.scan_text("v1.2.0\n", Location::tag_message).findings.empty());
}

TEST(IndentedPem, YamlBlockScalarKeyIsFoundOnItsLine) {
  std::string yaml = "apiVersion: v1\nkind: Secret\nstringData:\n  tls.key: |\n"
                     "    -----BEGIN RSA PRIVATE KEY-----\n";
  std::string body = pem_body(6, 11);
  for (size_t pos = 0; pos < body.size();) {
    size_t nl = body.find('\n', pos);
    yaml += "    " + body.substr(pos, nl + 1 - pos);
    pos = nl + 1;
  }
  yaml += "    -----END RSA PRIVATE KEY-----\n";
  auto r = builtin().scan(yaml, "k8s/tls.yaml");
  auto rules = rules_of(r);
  ASSERT_NE(std::find(rules.begin(), rules.end(), "private-key-rsa"), rules.end());
  for (const auto& f : r.findings)
    if (f.rule == "private-key-rsa") {
      EXPECT_EQ(f.line, 6);
      EXPECT_EQ(f.column, 5);
      EXPECT_EQ(f.decoded, "indented");
    }
  // Unindented, the same key is found without the derived view.
  std::string plain =
      "-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----\n";
  auto p = builtin().scan(plain);
  ASSERT_FALSE(p.findings.empty());
  EXPECT_EQ(p.findings[0].decoded, "");
}

TEST(IndentedPem, JsonStringWithEscapedNewlines) {
  std::string body = pem_body(4, 21);
  std::string escaped;
  for (char c : body)
    escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
  std::string json = "{\"private_key\": \"-----BEGIN RSA PRIVATE KEY-----\\n" + escaped +
                     "-----END RSA PRIVATE KEY-----\\n\"}\n";
  auto rules = rules_of(builtin().scan(json, "sa.json"));
  EXPECT_NE(std::find(rules.begin(), rules.end(), "private-key-rsa"), rules.end());
}

TEST(Decoding, Base64HexAndPercentReportedAtTheEncodedLocation) {
  Engine engine = engine_from(k_acme);
  const std::string b64 = base64("token: " + k_token);
  std::string text = "a: 1\ndata: " + b64 + "\n";
  auto r = engine.scan(text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].decoded, "base64");
  EXPECT_EQ(r.findings[0].line, 2);
  EXPECT_EQ(r.findings[0].offset, text.find(b64));
  EXPECT_EQ(r.findings[0].length, b64.size());
  EXPECT_EQ(r.findings[0].fingerprint, fingerprint("acme-token", k_token, ""));

  auto h = engine.scan("x = " + hex("k=" + k_token) + "\n");
  ASSERT_EQ(h.findings.size(), 1u);
  EXPECT_EQ(h.findings[0].decoded, "hex");

  std::string pct = "u=https%3A%2F%2Fapi.example%2F%3Ft%3D" + k_token.substr(0, 5) + "%" +
                    hex(k_token.substr(5, 1)) + k_token.substr(6) + "\n";
  auto p = engine.scan(pct);
  ASSERT_EQ(p.findings.size(), 1u);
  EXPECT_EQ(p.findings[0].decoded, "percent");
}

TEST(Decoding, DepthIsBoundedAndBinaryIsNotRescanned) {
  const std::string twice = base64(hex("k=" + k_token));
  EngineOptions deep;
  deep.max_decode_depth = 2;
  auto r = engine_from(k_acme, deep).scan("v: " + twice + "\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].decoded, "base64+hex");
  EngineOptions shallow;
  shallow.max_decode_depth = 1;
  EXPECT_TRUE(engine_from(k_acme, shallow).scan("v: " + twice + "\n").findings.empty());
  // Random bytes (a key, an image) decode to non-text: nothing derived.
  std::string noise =
      random_chars(4000, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 3);
  EXPECT_TRUE(decoded_segments(noise, 1 << 20).empty());
  // The budget caps the decoded bytes.
  std::string many;
  for (int i = 0; i < 100; ++i)
    many += base64("k=" + k_token) + "\n";
  size_t total = 0;
  for (const auto& d : decoded_segments(many, 200))
    total += d.text.size();
  EXPECT_LE(total, 200u);
}

TEST(SecretFiles, ByNameAndPublicCertificatesAreNot) {
  const auto& globs = default_secret_files();
  for (const char* p :
       {"id_rsa", "home/u/.ssh/id_ed25519", "deploy/id_ecdsa_sk", "tls/server.key", "keystore.jks",
        "a/b.p12", "x.pfx", "app.keystore", ".aws/credentials", "ci/.git-credentials", ".netrc",
        "root/.bash_history", "infra/prod.tfstate"})
    EXPECT_TRUE(is_secret_file(p, "anything", globs)) << p;
  for (const char* p : {"id_rsa.pub", "src/main.c", "docs/keys.md", "terraform.tfstate.backup"})
    EXPECT_FALSE(is_secret_file(p, "", globs)) << p;
  const std::string cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
  EXPECT_FALSE(is_secret_file("ca/bundle.pem", cert + cert, globs));
  EXPECT_TRUE(is_secret_file(
      "ca/bundle.pem", cert + "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n",
      globs));
  EXPECT_TRUE(is_secret_file("ca/empty.pem", "", globs)); // nothing to look at: by name
}

TEST(SecretFiles, DefaultConfigListsTheBuiltinPatterns) {
  auto text = custody::util::read_file(std::string(CUSTODY_SOURCE_DIR) + "/config/default.toml");
  ASSERT_TRUE(text.ok());
  for (const auto& g : default_secret_files())
    EXPECT_NE(text->find("\"" + g.pattern() + "\""), std::string::npos) << g.pattern();
}

TEST(SecretFiles, EngineFindingIsFingerprintedAndAllowlistable) {
  EngineOptions options;
  options.secret_files = default_secret_files();
  Engine engine = engine_from(k_acme, options);
  auto f = engine.secret_file_finding("deploy/id_rsa", "key bytes", "blobid");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->rule, "secret-file");
  EXPECT_EQ(f->tier, Tier::block);
  EXPECT_EQ(f->fingerprint, fingerprint("secret-file", "key bytes", ""));
  EXPECT_FALSE(engine.secret_file_finding("src/a.c", "x", "b").has_value());
  Allowlist allow;
  allow.fingerprints.insert(f->fingerprint);
  options.allowlists.push_back(allow);
  EXPECT_FALSE(engine_from(k_acme, options).secret_file_finding("deploy/id_rsa", "key bytes", "b"));
}

TEST(Tiers, RuleFileTierAndReports) {
  Engine engine = engine_from(k_acme);
  auto r = engine.scan("a " + k_token + "\nb soft_" + random_chars(16, "abcdefghijk0123456789", 5) +
                       "\n");
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].tier, Tier::block);
  EXPECT_EQ(r.findings[1].tier, Tier::warn);
  std::vector<LocatedFinding> located = {{r.findings[0], "c", "p", "b"},
                                         {r.findings[1], "c", "p", "b"}};
  auto json = json_report(located);
  EXPECT_EQ(json[0]["tier"], "block");
  EXPECT_EQ(json[1]["tier"], "warn");
  auto sarif = sarif_report(located, "test");
  EXPECT_EQ(sarif["runs"][0]["results"][0]["level"], "error");
  EXPECT_EQ(sarif["runs"][0]["results"][1]["level"], "warning");
}

TEST(Baseline, RoundTripSuppressesAndGitleaksIgnoreForms) {
  Engine engine = engine_from(k_acme);
  auto r = engine.scan("t " + k_token + "\n");
  ASSERT_EQ(r.findings.size(), 1u);
  std::vector<LocatedFinding> located = {{r.findings[0], std::string(40, 'c'), "a\nb.txt", "blob"}};
  std::string text = baseline_text(located);
  EXPECT_EQ(text.find(k_token), std::string::npos);
  auto parsed = parse_baseline(text);
  EXPECT_EQ(parsed, std::set<std::string>{r.findings[0].fingerprint});

  TempDir dir;
  ASSERT_TRUE(custody::util::write_file_atomic(dir.path() / "b.txt", text).ok());
  SecretsConfig config;
  config.baseline = (dir.path() / "b.txt").string();
  EXPECT_TRUE(read_baseline(config.baseline).ok());
  config.baseline = (dir.path() / "missing.txt").string();
  EXPECT_FALSE(load_engine(config).ok()); // a configured baseline that is gone is an error

  located[0].path = "src/app.py";
  auto with_commit = GitleaksIgnore::parse(std::string(40, 'c') + ":src/app.py:acme-token:1\n");
  EXPECT_TRUE(with_commit.ignores(located[0]));
  located[0].commit = std::string(40, 'd');
  EXPECT_FALSE(with_commit.ignores(located[0]));
  auto any_commit = GitleaksIgnore::parse("# comment\n\nsrc/app.py:acme-token:1\n");
  EXPECT_TRUE(any_commit.ignores(located[0]));
  EXPECT_FALSE(GitleaksIgnore::parse("src/app.py:acme-token:2\n").ignores(located[0]));
}
