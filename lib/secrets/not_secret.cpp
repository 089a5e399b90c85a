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
  for (std::string_view marker : {"${", "{{", "}}", "$(", "%(", "#{", "<%", "&lt;", "&gt;",
                                  "process.env", "os.environ", "getenv"})
    if (s.find(marker) != std::string_view::npos)
      return true;
  return false;
}

// DB_USER:DB_PASS@, USERNAME:PERSONAL_ACCESS_TOKEN@, PASSWORD: the name of a variable standing
// for the value. Real secrets in capitals carry digits.
bool is_constant_name(std::string_view s) {
  return s.size() >= 4 && s.find('_') != std::string_view::npos &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
}

// user:password@host, token: token: the word standing for the value.
bool is_placeholder_word(std::string_view s) {
  for (std::string_view w : {"password", "passwd", "pass", "pwd", "secret", "token", "apikey",
                             "api_key", "mypassword", "yourpassword", "mysecret", "mytoken"})
    if (util::iequals(s, w))
      return true;
  return false;
}

// A key that holds a secret: its hex value is a key, not a digest (SECRET_KEY_BASE, app_key).
bool key_holds_secret(std::string_view before) {
  for (std::string_view w : {"secret", "passw", "token", "apikey", "api_key", "api-key", "app_key",
                             "appkey", "app-key", "private", "credential", "master_key", "auth"})
    if (contains_icase(before, w))
      return true;
  return false;
}

// Values a context rule sees in tests and docs: test_api_key_123, dummy-token, mock_secret.
constexpr std::array<std::string_view, 10> k_fixture_words = {
    "test_", "_test", "test-", "-test", "testing", "mock", "fixture", "stub", "demo", "secret123"};

// Source files, where `password = x` is code unless x is a quoted literal.
bool is_code_path(std::string_view path) {
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos)
    return false;
  std::string ext = util::to_lower(path.substr(dot + 1));
  static constexpr std::array<std::string_view, 33> k_code = {
      "py",  "pyi",   "js",     "jsx",  "mjs", "cjs", "ts",    "tsx", "go",  "java",   "kt",
      "kts", "scala", "groovy", "rb",   "php", "cs",  "swift", "rs",  "c",   "cc",     "cpp",
      "h",   "hpp",   "m",      "dart", "ex",  "exs", "lua",   "pl",  "vue", "svelte", "clj"};
  return std::find(k_code.begin(), k_code.end(), ext) != k_code.end();
}

// The last word of a key: "existingSecretName" -> "name", "token_uri" -> "uri".
std::string last_key_word(std::string_view before) {
  size_t end = before.size();
  auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  while (end > 0 && !is_word(before[end - 1]))
    --end;
  size_t start = end;
  while (start > 0 && is_word(before[start - 1])) {
    --start;
    bool camel_hump = before[start] >= 'A' && before[start] <= 'Z' && start > 0 &&
                      before[start - 1] >= 'a' && before[start - 1] <= 'z';
    if (camel_hump)
      break;
  }
  return util::to_lower(before.substr(start, end - start));
}

// Keys that name, locate or describe a secret rather than hold it.
bool key_names_a_secret(std::string_view before) {
  static constexpr std::array<std::string_view, 30> k_words = {
      "name",  "names",   "ref",      "id",     "ids",     "file",    "path",   "dir",
      "uri",   "url",     "type",     "length", "len",     "field",   "header", "env",
      "var",   "mode",    "ttl",      "expiry", "expires", "prefix",  "suffix", "version",
      "count", "enabled", "required", "format", "label",   "selector"};
  // Helm's secretKeys.adminPasswordKey, existingSecretTokenKey: the key inside a Secret.
  for (std::string_view camel : {"PasswordKey", "TokenKey", "SecretRef", "KeyRef"})
    if (before.find(camel) != std::string_view::npos)
      return true;
  std::string word = last_key_word(before);
  if (std::find(k_words.begin(), k_words.end(), word) != k_words.end())
    return true;
  return contains_icase(before, "existing");
}

bool is_base64_char(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
         ch == '+' || ch == '/' || ch == '=';
}

// A token shape found inside a longer base64 run (an image in an SVG or a data: URI, a
// certificate, a packed binary) is a coincidence of the alphabet, not a token: the run goes on
// for at least 16 more characters and holds a '+' or '/' outside the match.
bool inside_longer_base64(std::string_view secret, std::string_view line) {
  if (secret.data() < line.data() || secret.data() + secret.size() > line.data() + line.size())
    return false;
  size_t start = static_cast<size_t>(secret.data() - line.data());
  size_t end = start + secret.size();
  size_t left = start, right = end;
  bool symbol = false;
  while (left > 0 && is_base64_char(line[left - 1])) {
    --left;
    symbol = symbol || line[left] == '+' || line[left] == '/';
  }
  while (right < line.size() && is_base64_char(line[right])) {
    symbol = symbol || line[right] == '+' || line[right] == '/';
    ++right;
  }
  return symbol && (start - left) + (right - end) >= 16;
}

std::string_view generic_reason(const Candidate& c) {
  std::string_view secret = c.secret;
  if (contains_icase(c.line, "\"integrity\"") || contains_icase(c.line, "integrity "))
    return "integrity hash";
  bool has_digit_or_symbol = std::any_of(secret.begin(), secret.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') ||
           std::string_view("!@#$%^&*+=?~").find(ch) != std::string_view::npos;
  });
  if (!has_digit_or_symbol)
    return "identifier, not a value";
  if (secret.ends_with("()") || secret.ends_with(");") || secret.front() == '/' ||
      secret.starts_with("./"))
    return "code or path, not a value";
  char quote = c.before.empty() ? '\0' : c.before.back();
  bool quoted = quote == '"' || quote == '\'' || quote == '`';
  if (!quoted && (secret.find('(') != std::string_view::npos ||
                  secret.find(".objects") != std::string_view::npos))
    return "code, not a value";
  if (!quoted && !c.before.empty() && is_code_path(c.path))
    return "source code: not a literal";
  if (secret.find("://") != std::string_view::npos)
    return "a URL, not a secret";
  if (!c.before.empty() && key_names_a_secret(c.before))
    return "the key names a secret, it does not hold one";
  for (auto w : k_fixture_words)
    if (contains_icase(secret, w))
      return "fixture value";
  return {};
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
  return not_secret_reason(rule, Candidate{secret, line, {}, {}});
}

std::string_view not_secret_reason(const Rule& rule, const Candidate& c) {
  std::string_view secret = c.secret, line = c.line;
  for (auto w : k_stopwords)
    if (contains_icase(secret, w))
      return "placeholder word";
  if (few_distinct(secret))
    return "repeated characters";
  if (is_placeholder_syntax(secret))
    return "template or variable reference";
  if (is_constant_name(secret) || is_placeholder_word(secret))
    return "the name of a variable";
  if (!(rule.shapes_ok & static_cast<unsigned>(Shape::uuid)) && is_uuid(secret))
    return "UUID";
  bool all_hex = std::all_of(secret.begin(), secret.end(), is_hex_char);
  if (!(rule.shapes_ok & static_cast<unsigned>(Shape::hex_hash)) && all_hex) {
    size_t n = secret.size();
    bool hash_length = n == 40 || n == 64 || n == 96 || n == 128;
    bool hash_context = std::any_of(k_hash_words.begin(), k_hash_words.end(),
                                    [&](std::string_view w) { return contains_icase(line, w); });
    bool key_context = rule.generic && key_holds_secret(c.before);
    if ((hash_length && !key_context) || hash_context)
      return "hex hash";
  }
  for (std::string_view prefix : {"sha512-", "sha384-", "sha256-", "sha1-"})
    if (util::starts_with_icase(secret, prefix))
      return "integrity hash";
  if (inside_longer_base64(secret, line))
    return "part of a longer base64 string";
  if (rule.generic)
    return generic_reason(c);
  return {};
}

} // namespace custody::secrets
