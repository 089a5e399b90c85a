#pragma once
// One detection rule, as loaded from config/rules.toml, a site rule file or a gitleaks config.
// Rules are data: the engine knows no provider by name; everything a format needs (keywords,
// regex, secret group, entropy floor, checksum, examples) is here.
#include "secrets/allowlist.hpp"
#include "secrets/tier.hpp"
#include "util/glob.hpp"
#include "util/regex.hpp"

#include <optional>
#include <string>
#include <vector>

namespace custody::secrets {

// Checksums published for a token format, checked after the regex matched.
enum class Validator {
  none,
  crc32_base62,          // GitHub (ghp_/gho_/ghu_/ghs_/ghr_) and npm (npm_): prefix_ + 30 chars +
                         // base62(CRC32) in 6
  crc32_base62_mismatch, // the same shape whose checksum does NOT verify: a warn-tier rule
                         // reports what the checked rule rejects (fixtures, typos)
};

// Heuristics that mark a match as "not a secret" and that a rule may turn off because its real
// secrets look like that (a Heroku API key is a UUID; a Datadog key is 32 hex digits).
enum class Shape : unsigned { uuid = 1, hex_hash = 2 };

struct Rule {
  std::string id; // stable; violations use "secrets.<id>"
  std::string description;
  std::string control = "CC6.1"; // SOC 2 control the finding evidences
  util::Regex regex;
  int secret_group = 0; // 0: first non-empty group if any, else the whole match (gitleaks)
  std::vector<std::string> keywords; // lower-case; empty: the rule runs on every blob
  double entropy = 0;                // minimum Shannon entropy (bits/char) of the secret; 0: none
  size_t min_length = 0;             // minimum secret length; 0: none
  std::vector<util::Glob> paths;     // when set, only these paths are scanned
  std::optional<util::Regex> path_regex; // gitleaks `path`
  std::vector<Allowlist> allowlists;
  Validator validator = Validator::none;
  unsigned shapes_ok = 0;  // Shape bits the rule accepts as secrets
  bool generic = false;    // a context rule (password = "..."): stricter placeholder filtering
  Tier tier = Tier::block; // refuse a push (block) or only report (warn); see tier.hpp
  int window_lines = 0;    // lines before and after a keyword hit that the regex may span
  std::vector<std::string> true_positives;  // examples the rule must find
  std::vector<std::string> false_positives; // examples it must not
  std::string origin;                       // "file:line" of its definition
};

} // namespace custody::secrets
