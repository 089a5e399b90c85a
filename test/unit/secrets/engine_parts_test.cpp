// Unit tests for the secret engine's parts: keyword prefilter, entropy, checksums, redaction,
// fingerprints, decoy heuristics and allowlists. Per-rule examples live in builtin_rules_test.cpp.
#include "config/diagnostics.hpp"
#include "secrets/allowlist.hpp"
#include "secrets/checksum.hpp"
#include "secrets/engine.hpp"
#include "secrets/entropy.hpp"
#include "secrets/keyword_index.hpp"
#include "secrets/not_secret.hpp"
#include "secrets/redaction.hpp"
#include "secrets/rule_file.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

using namespace custody::secrets;

namespace {

// Every (keyword, end) pair find_all reports, in its order.
std::vector<std::pair<uint32_t, uint32_t>> raw_hits(const KeywordIndex& index,
                                                    std::string_view text) {
  std::vector<KeywordHit> hits;
  index.find_all(text, hits);
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (auto h : hits)
    out.emplace_back(h.keyword, h.end);
  return out;
}

std::vector<std::pair<uint32_t, uint32_t>> hits_of(const KeywordIndex& index,
                                                   std::string_view text) {
  auto out = raw_hits(index, text);
  std::sort(out.begin(), out.end());
  return out;
}

// Naive reference: every (keyword, end) pair, case-insensitive.
std::vector<std::pair<uint32_t, uint32_t>> naive_hits(const std::vector<std::string>& keywords,
                                                      std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (uint32_t k = 0; k < keywords.size(); ++k)
    for (size_t i = 0; i + keywords[k].size() <= text.size(); ++i) {
      bool eq = true;
      for (size_t j = 0; j < keywords[k].size() && eq; ++j)
        eq = std::tolower(static_cast<unsigned char>(text[i + j])) == keywords[k][j];
      if (eq)
        out.emplace_back(k, static_cast<uint32_t>(i + keywords[k].size()));
    }
  std::sort(out.begin(), out.end());
  return out;
}

// The exact sequence find_all must produce: by end, then longest keyword first, then keyword order.
std::vector<std::pair<uint32_t, uint32_t>> ordered_hits(const std::vector<std::string>& keywords,
                                                        std::string_view text) {
  auto hits = naive_hits(keywords, text);
  std::stable_sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second)
      return a.second < b.second;
    if (keywords[a.first].size() != keywords[b.first].size())
      return keywords[a.first].size() > keywords[b.first].size();
    return a.first < b.first;
  });
  return hits;
}

Engine engine_from(std::string_view toml) {
  custody::config::Diagnostics errors;
  RuleFile file = load_rule_text(toml, "test.toml", errors);
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors.front().to_string());
  EngineOptions options;
  options.allowlists = file.allowlists;
  auto engine = Engine::build(std::move(file.rules), options);
  EXPECT_TRUE(engine.ok());
  return std::move(engine.value());
}

constexpr std::string_view k_rules = R"(
[[rule]]
id = "test-token"
description = "test token"
regex = '\b(tst_[A-Za-z0-9]{20})\b'
keywords = ["tst_"]
entropy = 3.0
tp = ["tst_aB3dE5gH7jK9mN1pQ3sT"]

[[rule]]
id = "test-pair"
description = "key then secret within 3 lines"
regex = '(?s)KEYID=(\w+).{0,200}?SECRET=(\w{16,})'
secret_group = 2
keywords = ["keyid="]
window_lines = 3

[[allowlist]]
paths = ["vendor/**"]
)";

} // namespace

TEST(KeywordIndex, FindsEveryOccurrenceCaseInsensitively) {
  std::vector<std::string> keywords = {"akia", "ghp_", "password", "pass", "ss", "a"};
  auto index = KeywordIndex::build(keywords);
  std::string text = "xx AKIAQQ ghp_ PassWord=1 passs aaa";
  EXPECT_EQ(hits_of(index, text), naive_hits(keywords, text));
}

TEST(KeywordIndex, LongTextAcrossTheSplitPoint) {
  std::vector<std::string> keywords = {"secret", "token", "xoxb-"};
  auto index = KeywordIndex::build(keywords);
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += i % 7 == 0 ? "SeCrEt " : i % 11 == 0 ? "xoxb-tok" : "lorem ";
  // Put a keyword exactly across the middle.
  size_t mid = text.size() / 2;
  text.replace(mid - 3, 6, "secret");
  EXPECT_EQ(hits_of(index, text), naive_hits(keywords, text));
}

TEST(KeywordIndex, EmptyInputAndNoKeywords) {
  auto index = KeywordIndex::build({"token"});
  EXPECT_TRUE(raw_hits(index, "").empty());
  EXPECT_TRUE(raw_hits(KeywordIndex::build({}), "token").empty());
  EXPECT_TRUE(raw_hits(KeywordIndex::build({}), "").empty());
}

TEST(KeywordIndex, OverlappingNestedAndRepeatedKeywordsInOrder) {
  // "ss" overlaps itself, "pass" is inside "password", "word" ends with "password", "a" is
  // everywhere, "Pass" differs from "pass" only in case, and "sk_live_" repeats a keyword.
  std::vector<std::string> keywords = {"password", "pass",     "ss",   "word",
                                       "a",        "sk_live_", "Pass", "sk_live_"};
  auto index = KeywordIndex::build(keywords);
  for (std::string text : {"password", "PASSWORD=passsss", "sssss", "aaaa", "sk_live_sk_live_x",
                           "xpaSSwordx", "pas", "a"}) {
    std::vector<std::string> lower = keywords;
    for (auto& k : lower)
      std::transform(k.begin(), k.end(), k.begin(), ::tolower);
    EXPECT_EQ(raw_hits(index, text), ordered_hits(lower, text)) << text;
  }
}

TEST(KeywordIndex, KeywordsAtTheStartAndEndOfTheText) {
  std::vector<std::string> keywords = {"ghp_", "-----begin", "key-"};
  auto index = KeywordIndex::build(keywords);
  for (size_t size : {size_t{10}, size_t{5000}, size_t{100003}}) {
    std::string text = "GHP_" + std::string(size, '.') + "-----BEGIN";
    EXPECT_EQ(raw_hits(index, text), ordered_hits(keywords, text)) << size;
    EXPECT_EQ(raw_hits(index, text).front(), (std::pair<uint32_t, uint32_t>{0, 4}));
    EXPECT_EQ(raw_hits(index, text).back().second, text.size());
  }
  EXPECT_EQ(raw_hits(index, "ghp_"), ordered_hits(keywords, "ghp_"));
}

TEST(KeywordIndex, CaseFoldsAsciiOnly) {
  std::vector<std::string> keywords = {"xoxb-", "aiza"};
  auto index = KeywordIndex::build(keywords);
  EXPECT_EQ(raw_hits(index, "XoXb- AIZA aIzA"),
            (std::vector<std::pair<uint32_t, uint32_t>>{{0, 5}, {1, 10}, {1, 15}}));
  // Only A-Z fold: not Latin-1 capitals, nor bytes one bit (0x20) away from a keyword byte.
  EXPECT_TRUE(raw_hits(index, "aiz\xc1 \xd8oxb- xoxb\x0d aiz\x01").empty());
}

TEST(KeywordIndex, RandomTextsOfEverySizeMatchTheReference) {
  // Sizes on both sides of the sliced walk, small alphabets so keywords are dense and straddle
  // every slice boundary and warm-up; the order of hits must be exactly the reference order.
  std::mt19937 random(42);
  for (int round = 0; round < 40; ++round) {
    const std::string alphabet = round % 2 ? "abAB_-" : "abcxyzABC_.";
    auto pick = [&](size_t n) {
      std::string s;
      for (size_t i = 0; i < n; ++i)
        s += alphabet[random() % alphabet.size()];
      return s;
    };
    std::vector<std::string> keywords;
    for (size_t k = 0, count = 1 + random() % 12; k < count; ++k) {
      std::string kw = pick(1 + random() % 6);
      std::transform(kw.begin(), kw.end(), kw.begin(), ::tolower);
      keywords.push_back(kw);
    }
    auto index = KeywordIndex::build(keywords);
    const size_t size =
        round < 10 ? random() % 200 : KeywordIndex::k_min_sliced - 50 + random() % 30000;
    std::string text = pick(size);
    ASSERT_EQ(raw_hits(index, text), ordered_hits(keywords, text))
        << "round " << round << " size " << size;
  }
}

TEST(Entropy, RandomScoresHigherThanWords) {
  EXPECT_DOUBLE_EQ(shannon_entropy(""), 0);
  EXPECT_DOUBLE_EQ(shannon_entropy("aaaa"), 0);
  EXPECT_DOUBLE_EQ(shannon_entropy("ab"), 1);
  EXPECT_NEAR(shannon_entropy("0123456789abcdef"), 4.0, 1e-9);
  EXPECT_GT(shannon_entropy("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9e8R4t2"), 4.5);
  EXPECT_LT(shannon_entropy("passwordpassword"), 3.0);
}

TEST(Checksum, Crc32AndBase62) {
  EXPECT_EQ(crc32("123456789"), 0xCBF43926u); // the CRC-32 check value
  EXPECT_EQ(base62(0, 6), "000000");
  EXPECT_EQ(base62(61, 1), "z");
  EXPECT_EQ(base62(62, 2), "10");
  std::string body = "abcdefghijklmnopqrstuvwxyz0123";
  std::string token = "ghp_" + body + base62(crc32(body), 6);
  EXPECT_TRUE(valid_crc32_base62_token(token));
  token.back() = token.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(valid_crc32_base62_token(token));
  EXPECT_FALSE(valid_crc32_base62_token("ghp_short"));
  EXPECT_FALSE(valid_crc32_base62_token("no-underscore"));
}

TEST(Redaction, ShowsAtMostFourCharactersAndTheLength) {
  EXPECT_EQ(redact("AKIAQYLPMN5HFIQR7XYZ"), "AKIA…");
  EXPECT_EQ(redact("abcdefg"), "a…");
  EXPECT_EQ(redact("abc"), "…");
  EXPECT_EQ(redact(std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8)), "\\x01\\x02…");
}

TEST(Fingerprint, ContentBasedAndRuleScoped) {
  auto a = fingerprint("aws-access-key", "AKIAQYLPMN5HFIQR7XYZ", "k");
  EXPECT_EQ(a, fingerprint("aws-access-key", "AKIAQYLPMN5HFIQR7XYZ", "k"));
  EXPECT_NE(a, fingerprint("other", "AKIAQYLPMN5HFIQR7XYZ", "k"));
  EXPECT_NE(a, fingerprint("aws-access-key", "AKIAQYLPMN5HFIQR7XYZ0", "k"));
  EXPECT_TRUE(a.starts_with("aws-access-key:"));
  EXPECT_EQ(a.size(), std::string("aws-access-key:").size() + 20);
  EXPECT_EQ(a.find("AKIAQ"), std::string::npos);
}

TEST(NotSecret, Decoys) {
  Rule plain;
  Rule generic;
  generic.generic = true;
  EXPECT_NE(not_secret_reason(plain, "AKIAIOSFODNN7EXAMPLE", ""), "");
  EXPECT_NE(not_secret_reason(plain, "${API_TOKEN}", ""), "");
  EXPECT_NE(not_secret_reason(plain, "<your-key>", ""), "");
  EXPECT_NE(not_secret_reason(plain, "xxxxxxxxxxxxxxxx", ""), "");
  EXPECT_NE(not_secret_reason(plain, "changeme", ""), "");
  EXPECT_NE(not_secret_reason(plain, "123e4567-e89b-12d3-a456-426614174000", ""), "");
  EXPECT_NE(not_secret_reason(plain, "da39a3ee5e6b4b0d3255bfef95601890afd80709", ""), "");
  EXPECT_NE(not_secret_reason(plain, "sha512-AbCdEf0123456789", ""), "");
  EXPECT_NE(not_secret_reason(generic, "get_password()", "password = get_password()"), "");
  EXPECT_NE(not_secret_reason(generic, "settings", "password = settings"), "");
  EXPECT_EQ(not_secret_reason(plain, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9e8R4t2", ""), "");
  Rule uuid_ok;
  uuid_ok.shapes_ok = static_cast<unsigned>(Shape::uuid);
  EXPECT_EQ(not_secret_reason(uuid_ok, "3f2c9a4e-8b1d-4c7e-9a6f-2d5b8e1c7a90", ""), "");
}

TEST(Allowlist, AnyAndAll) {
  Allowlist a;
  a.stopwords = {"fixture"};
  a.fingerprints = {"r:abc"};
  FindingContext f{"r", "tok_fixture_1", "m", "line", "src/a.c", "", "r:zzz"};
  EXPECT_TRUE(a.allows(f));
  f.secret = "tok_real_1";
  EXPECT_FALSE(a.allows(f));
  f.fingerprint = "r:abc";
  EXPECT_TRUE(a.allows(f));
  a.condition = Condition::all;
  EXPECT_FALSE(a.allows(f)); // fingerprint matches, stopword does not
  Allowlist paths;
  paths.paths.push_back(
      custody::util::Glob::compile("test/**", custody::util::GlobSyntax::path).value());
  EXPECT_TRUE(paths.allows_whole_path("test/data/x.env"));
  EXPECT_FALSE(paths.allows_whole_path("src/x.env"));
  EXPECT_FALSE(Allowlist{}.allows(f));
}

TEST(Engine, FindsRedactsAndHonoursInlineAllowAndPaths) {
  Engine engine = engine_from(k_rules);
  std::string token = "tst_aB3dE5gH7jK9mN1pQ3sT";
  auto r = engine.scan("line one\nconst t = \"" + token + "\";\n", "src/a.js");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, "test-token");
  EXPECT_EQ(r.findings[0].line, 2);
  EXPECT_EQ(r.findings[0].column, 12);
  EXPECT_EQ(r.findings[0].redacted, "tst_…");
  EXPECT_EQ(r.findings[0].fingerprint, fingerprint("test-token", token, ""));
  EXPECT_FALSE(r.findings[0].silenced_by_marker);
  // Markers flag the finding (the push check records it), never drop it.
  for (std::string marker : {" // custody:allow", " # gitleaks:allow"}) {
    auto m = engine.scan("t = \"" + token + "\"" + marker + "\n", "src/a.js");
    ASSERT_EQ(m.findings.size(), 1u) << marker;
    EXPECT_TRUE(m.findings[0].silenced_by_marker) << marker;
  }
  EXPECT_TRUE(engine.scan("t = \"" + token + "\"\n", "vendor/lib/a.js").findings.empty());
  // Low entropy is not a secret.
  EXPECT_TRUE(engine.scan("t = tst_abababababababababab\n").findings.empty());
}

TEST(Engine, WindowSpansLinesAndSecretGroup) {
  Engine engine = engine_from(k_rules);
  auto r = engine.scan("x\nKEYID=abc\nfoo\nSECRET=Zq8Lr2Vt9Xw4Yp7Nm3Kb\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, "test-pair");
  EXPECT_EQ(r.findings[0].line, 4);
}

TEST(Engine, CatastrophicRegexIsLimitedNotHung) {
  Engine engine = engine_from(R"(
[[rule]]
id = "evil"
regex = '(a+)+$'
keywords = ["aaaa"]
)");
  std::string text(30000, 'a');
  text += "b\n";
  auto start = std::chrono::steady_clock::now();
  auto r = engine.scan(text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.limited_rules, std::vector<std::string>{"evil"});
}

TEST(Engine, BinaryDetection) {
  EXPECT_FALSE(is_binary("plain text\n"));
  EXPECT_TRUE(is_binary(std::string("PK\x03\x04\0\0", 6)));
  std::string late(9000, 'a');
  late[8500] = '\0';
  EXPECT_FALSE(is_binary(late));
}

TEST(Engine, DuplicateIdsAreAnError) {
  custody::config::Diagnostics errors;
  RuleFile file = load_rule_text("[[rule]]\nid='a'\nregex='x'\n[[rule]]\nid='a'\nregex='y'\n",
                                 "t.toml", errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_FALSE(Engine::build(std::move(file.rules)).ok());
}

TEST(RuleFile, StrictErrorsForCustodyFormat) {
  custody::config::Diagnostics errors;
  load_rule_text("[[rule]]\nid='a'\nregex='('\n", "t.toml", errors);
  ASSERT_FALSE(errors.empty());
  errors.clear();
  load_rule_text("[[rule]]\nid='a'\nregex='x'\nbogus=1\n", "t.toml", errors);
  EXPECT_FALSE(errors.empty());
}

TEST(GitleaksImport, RulesAllowlistsAndNotes) {
  constexpr std::string_view text = R"(
title = "site gitleaks"
[extend]
useDefault = true

[[rules]]
id = "acme-token"
description = "ACME token"
regex = '''acme_(?P<tok>[a-z0-9]{24})'''
secretGroup = 1
entropy = 3.2
keywords = ["ACME_"]
path = '''\.env$'''
  [[rules.allowlists]]
  regexes = ['''acme_0{24}''']

[[rules]]
id = "needs-required"
regex = '''foo(bar)'''
  [[rules.required]]
  id = "acme-token"

[[rules]]
id = "bad-regex"
regex = '''(?<!x'''

[allowlist]
description = "global"
paths = ['''(^|/)testdata/''']
stopwords = ["Dummy"]
)";
  custody::config::Diagnostics errors;
  RuleFile file = load_rule_text(text, "gitleaks.toml", errors);
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors.front().to_string());
  ASSERT_GE(file.rules.size(), 1u);
  EXPECT_EQ(file.rules[0].id, "acme-token");
  EXPECT_EQ(file.rules[0].secret_group, 1);
  EXPECT_EQ(file.rules[0].keywords, std::vector<std::string>{"acme_"});
  EXPECT_DOUBLE_EQ(file.rules[0].entropy, 3.2);
  EXPECT_TRUE(file.rules[0].path_regex.has_value());
  EXPECT_EQ(file.rules[0].allowlists.size(), 1u);
  ASSERT_EQ(file.allowlists.size(), 1u);
  EXPECT_EQ(file.allowlists[0].stopwords, std::vector<std::string>{"dummy"});
  std::string notes;
  for (const auto& n : file.notes)
    notes += n + "\n";
  EXPECT_NE(notes.find("extend"), std::string::npos) << notes;
  EXPECT_NE(notes.find("required"), std::string::npos) << notes;
  EXPECT_NE(notes.find("bad-regex"), std::string::npos) << notes;

  EngineOptions options;
  options.allowlists = file.allowlists;
  auto engine = Engine::build(std::move(file.rules), options);
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(engine->scan("ACME=acme_k3j9x8q2m7v4b1n6z5w0r8t3\n", "app/.env").findings.size(), 1u);
  EXPECT_TRUE(
      engine->scan("ACME=acme_k3j9x8q2m7v4b1n6z5w0r8t3\n", "app/config.yml").findings.empty());
  EXPECT_TRUE(
      engine->scan("ACME=acme_k3j9x8q2m7v4b1n6z5w0r8t3\n", "testdata/.env").findings.empty());
  EXPECT_TRUE(engine->scan("ACME=acme_000000000000000000000000\n", "app/.env").findings.empty());
}

TEST(Engine, LinesAndColumnsOfManyFindingsInOneBlob) {
  // Several findings per line, on the first and last byte, far apart: each numbered as a count
  // from the start of the blob would number it.
  Engine engine = engine_from(k_rules);
  std::vector<std::string> tokens = {"tst_aB3dE5gH7jK9mN1pQ3sT", "tst_Zq8Lr2Vt9Xw4Yp7Nm3Kb",
                                     "tst_Hc5Jd8Mf2Rg6Tk9Wn4Pq"};
  std::string text = tokens[0] + " " + tokens[1] + "\n";
  for (int i = 0; i < 5000; ++i)
    text += "filler line " + std::to_string(i) + (i == 2500 ? " x=" + tokens[2] : "") + "\n";
  text += "\n\t" + tokens[0];
  auto r = engine.scan(text);
  ASSERT_EQ(r.findings.size(), 4u);
  for (const auto& f : r.findings) {
    std::string_view before = std::string_view(text).substr(0, f.offset);
    int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    size_t nl = before.rfind('\n');
    int column = static_cast<int>(f.offset - (nl == std::string_view::npos ? 0 : nl + 1)) + 1;
    EXPECT_EQ(f.line, line) << f.offset;
    EXPECT_EQ(f.column, column) << f.offset;
  }
  EXPECT_EQ(r.findings.front().line, 1);
  EXPECT_EQ(r.findings.front().column, 1);
  EXPECT_EQ(r.findings[1].column, 26);
  EXPECT_EQ(r.findings[2].line, 2502);
  EXPECT_EQ(r.findings.back().line, 5003);
  EXPECT_EQ(r.findings.back().column, 2);
}
