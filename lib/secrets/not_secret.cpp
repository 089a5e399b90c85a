// Placeholder and decoy heuristics (see not_secret.hpp). Each test is cheap and runs only on a
// regex match, never on the whole blob.
#include "secrets/not_secret.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <array>

namespace custody::secrets {

namespace {

constexpr std::array<std::string_view, 34> k_stopwords = {
    "example",  "xxxx",       "changeme",  "change_me",  "change-me", "placeholder", "your_",
    "your-",    "yourkey",    "yourtoken", "yoursecret", "yourpass",  "dummy",       "redacted",
    "replace_", "replaceme",  "replace-",  "insert_",    "insert-",   "sample",      "fake",
    "notreal",  "not_real",   "not-real",  "lorem",      "foobar",    "****",        "....",
    "____",     "1234567890", "abcdefgh",  "0123456789", "<your",     "todo_",
};

constexpr std::array<std::string_view, 12> k_hash_words = {
    "sha1",   "sha256",   "sha512",    "sha-",   "md5",  "hash",
    "digest", "checksum", "integrity", "commit", "etag", "revision"};

bool contains_icase(std::string_view haystack, std::string_view lower_needle) {
  if (lower_needle.size() > haystack.size())
    return false;
  return std::search(haystack.begin(), haystack.end(), lower_needle.begin(), lower_needle.end(),
                     [](char a, char b) { return util::ascii_lower(a) == b; }) != haystack.end();
}

bool is_hex_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool few_distinct(std::string_view s) {
  bool seen[256] = {};
  int distinct = 0;
  for (unsigned char c : s)
    if (!seen[c]) {
      seen[c] = true;
      if (++distinct > 2)
        return false;
    }
  return true;
}

bool is_placeholder_syntax(std::string_view s) {
  if (s.empty())
    return true;
  char first = s.front();
  if (first == '$' || first == '<' || first == '{' || first == '%' || first == '[')
    return true;
  for (std::string_view marker :
       {"${", "{{", "}}", "$(", "%(", "#{", "<%", "process.env", "os.environ", "getenv"})
    if (s.find(marker) != std::string_view::npos)
      return true;
  return false;
}

} // namespace

bool is_uuid(std::string_view s) {
  if (s.size() != 36)
    return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !is_hex_char(s[i]))
      return false;
  }
  return true;
}

std::string_view not_secret_reason(const Rule& rule, std::string_view secret,
                                   std::string_view line) {
  for (auto w : k_stopwords)
    if (contains_icase(secret, w))
      return "placeholder word";
  if (few_distinct(secret))
    return "repeated characters";
  if (is_placeholder_syntax(secret))
    return "template or variable reference";
  if (!(rule.shapes_ok & static_cast<unsigned>(Shape::uuid)) && is_uuid(secret))
    return "UUID";
  bool all_hex = std::all_of(secret.begin(), secret.end(), is_hex_char);
  if (!(rule.shapes_ok & static_cast<unsigned>(Shape::hex_hash)) && all_hex) {
    size_t n = secret.size();
    bool hash_length = n == 40 || n == 64 || n == 96 || n == 128;
    bool hash_context = std::any_of(k_hash_words.begin(), k_hash_words.end(),
                                    [&](std::string_view w) { return contains_icase(line, w); });
    if (hash_length || hash_context)
      return "hex hash";
  }
  for (std::string_view prefix : {"sha512-", "sha384-", "sha256-", "sha1-"})
    if (util::starts_with_icase(secret, prefix))
      return "integrity hash";
  if (rule.generic) {
    if (contains_icase(line, "\"integrity\"") || contains_icase(line, "integrity "))
      return "integrity hash";
    bool has_digit_or_symbol = std::any_of(secret.begin(), secret.end(), [](char c) {
      return (c >= '0' && c <= '9') ||
             std::string_view("!@#$%^&*+=?~").find(c) != std::string_view::npos;
    });
    if (!has_digit_or_symbol)
      return "identifier, not a value";
    if (secret.ends_with("()") || secret.ends_with(");") || secret.front() == '/' ||
        secret.starts_with("./"))
      return "code or path, not a value";
  }
  return {};
}

} // namespace custody::secrets
