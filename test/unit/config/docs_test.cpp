// docs/config.md documents every key of the embedded default configuration (config/default.toml)
// with its anchor <a id="section.key">, so the reference cannot drift from the defaults. A key
// of a map-like table ([trailers.keys."KEY"]) is documented by its table's anchor
// (trailers.keys), a key of an array of tables ([[rulesets]]) by the array's (rulesets).
#include "config/digest.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace custody;

namespace {

struct DefaultKey {
  std::string dotted;   // e.g. "secrets.max_blob_bytes", "trailers.keys.AI-Generated.type"
  std::string array_of; // the [[array]] the key's table is an element of, or ""
  int line = 0;
  std::string value; // the value as written, comment stripped (an array's first line only)
};

// Section headers and `key =` lines of the default configuration, one key per line at column 0
// (continuation lines of arrays and comments are indented or start with another character).
std::vector<DefaultKey> default_keys() {
  static const std::regex k_header(R"(^\[(\[?)([^\]]+)\]\]?)");
  static const std::regex k_key(R"(^([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*(#.*)?$)");
  std::vector<DefaultKey> keys;
  std::string section, array_of;
  std::istringstream in{std::string(config::embedded_default_text())};
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::smatch m;
    if (std::regex_search(line, m, k_header)) {
      section = std::regex_replace(m[2].str(), std::regex("\""), "");
      array_of = m[1].length() ? section : "";
    } else if (std::regex_search(line, m, k_key)) {
      keys.push_back(
          {section.empty() ? m[1].str() : section + "." + m[1].str(), array_of, n, m[2].str()});
    }
  }
  return keys;
}

std::set<std::string> doc_anchors() {
  auto text = util::read_file(CUSTODY_SOURCE_DIR "/docs/config.md");
  EXPECT_TRUE(text) << "docs/config.md";
  std::set<std::string> anchors;
  static const std::regex k_anchor(R"re(<a id="([^"]+)">)re");
  const std::string doc = text ? *text : "";
  for (std::sregex_iterator it(doc.begin(), doc.end(), k_anchor), end; it != end; ++it)
    anchors.insert((*it)[1].str());
  return anchors;
}

// The key's own anchor or an enclosing table's (two components at least: a section alone
// documents nothing), or its array's.
bool documented(const DefaultKey& key, const std::set<std::string>& anchors) {
  if (!key.array_of.empty() && anchors.count(key.array_of))
    return true;
  for (size_t dot = key.dotted.find('.'); dot != std::string::npos;
       dot = key.dotted.find('.', dot + 1))
    if (dot != key.dotted.find('.') && anchors.count(key.dotted.substr(0, dot)))
      return true;
  return anchors.count(key.dotted) > 0;
}

// A value as docs/config.md or default.toml writes it, compared without quotes, backticks and
// spaces; "empty" is the empty string, array or table.
std::string comparable(std::string v) {
  std::string out;
  for (char c : v)
    if (c != '`' && c != '"' && c != '\'' && !std::isspace(static_cast<unsigned char>(c)))
      out += c;
  if (out == "empty" || out == "[]" || out == "{}")
    return "";
  return out;
}

// `<a id="S.K"></a>`K` (TYPE, default VALUE)`: the anchor → VALUE (up to " = " or the
// closing parenthesis), for the keys whose documentation states a default.
std::map<std::string, std::string> documented_defaults() {
  auto text = util::read_file(CUSTODY_SOURCE_DIR "/docs/config.md");
  const std::string doc = text ? *text : "";
  static const std::regex k_entry(
      R"re(<a id="([^"]+)"></a>`[^`]+` \([^)]*?default ((?:`[^`]*`|[^)`])*?)(?: = [^)]*)?\))re");
  std::map<std::string, std::string> out;
  for (std::sregex_iterator it(doc.begin(), doc.end(), k_entry), end; it != end; ++it)
    out[(*it)[1].str()] = (*it)[2].str();
  return out;
}

} // namespace

// The reference states the same default as the embedded configuration, for every key whose
// entry names one: the defaults live in config/default.toml, and the docs cannot drift.
TEST(ConfigDocsTest, DocumentedDefaultsAreTheEmbeddedOnes) {
  const auto documented = documented_defaults();
  ASSERT_GT(documented.size(), 25u); // the parse found the reference's entries
  size_t compared = 0;
  for (const DefaultKey& key : default_keys()) {
    auto it = documented.find(key.dotted);
    const bool multi_line = key.value.front() == '[' && key.value.back() != ']';
    if (it == documented.end() || multi_line)
      continue; // no stated default, or an array continued on the next lines
    ++compared;
    EXPECT_EQ(comparable(it->second), comparable(key.value))
        << "config/default.toml:" << key.line << ": " << key.dotted << " = " << key.value
        << ", but docs/config.md says default " << it->second;
  }
  EXPECT_GT(compared, 20u);
}

TEST(ConfigDocsTest, EveryDefaultKeyHasItsAnchor) {
  const auto keys = default_keys();
  ASSERT_GT(keys.size(), 50u); // the parse found the file's keys
  const auto anchors = doc_anchors();
  for (const DefaultKey& key : keys)
    EXPECT_TRUE(documented(key, anchors))
        << "config/default.toml:" << key.line << ": " << key.dotted << " has no <a id=\""
        << key.dotted << "\"> in docs/config.md";
}

TEST(ConfigDocsTest, SeesSectionsArraysAndQuotedTables) {
  const auto keys = default_keys();
  auto has = [&](const std::string& dotted, const std::string& array_of) {
    return std::any_of(keys.begin(), keys.end(), [&](const DefaultKey& k) {
      return k.dotted == dotted && k.array_of == array_of;
    });
  };
  EXPECT_TRUE(has("refs.protected", ""));
  EXPECT_TRUE(has("secrets.secret_files", ""));
  EXPECT_TRUE(has("trailers.keys.AI-Generated.pattern", ""));
  EXPECT_TRUE(has("rulesets.enforcement", "rulesets"));
  EXPECT_TRUE(has("trailers.rule.min_reviewers", "trailers.rule"));
  EXPECT_FALSE(documented({"secrets.not_a_key", "", 0, ""}, doc_anchors()));
}
