#pragma once
// The builtin secret rules as compiled-in data. config/rules.toml stays the source of truth; at
// build time tools/rules_compile.cpp loads it with the same loader as site rule files
// (load_rule_text: every regex compiled, every key checked) and writes builtin_rules_table.cpp,
// so a hook never parses 157 KB of TOML per push (docs/ARCHITECTURE.md, "Per-push cost"). The
// tp/fp examples are left out: only test/unit/secrets/builtin_rules_test.cpp needs them, and it
// reads rules.toml itself. The regexes in the table become deferred util::Regex objects, compiled
// when a scan first needs them.
#include "secrets/rule_file.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace custody::secrets {

struct BuiltinRegex {
  std::string_view pattern;
  bool caseless = false;
  bool multiline = false;
  uint32_t match_limit = 0;
  uint32_t depth_limit = 0;
};

struct BuiltinAllowlist {
  std::string_view description;
  Condition condition = Condition::any;
  RegexTarget target = RegexTarget::secret;
  std::span<const std::string_view> paths; // path globs
  std::span<const BuiltinRegex> path_regexes;
  std::span<const BuiltinRegex> regexes;
  std::span<const std::string_view> stopwords;
  std::span<const std::string_view> commits;
  std::span<const std::string_view> fingerprints;
};

struct BuiltinRule {
  std::string_view id;
  std::string_view description;
  std::string_view control;
  BuiltinRegex regex;
  int secret_group = 0;
  std::span<const std::string_view> keywords;
  double entropy = 0;
  size_t min_length = 0;
  std::span<const std::string_view> paths;  // path globs
  std::span<const BuiltinRegex> path_regex; // zero or one
  std::span<const BuiltinAllowlist> allowlists;
  Validator validator = Validator::none;
  unsigned shapes_ok = 0;
  bool generic = false;
  Tier tier = Tier::block;
  int window_lines = 0;
  std::string_view origin;
};

// Defined in the generated builtin_rules_table.cpp.
std::span<const BuiltinRule> builtin_rule_table();
std::span<const BuiltinAllowlist> builtin_allowlist_table(); // file-wide [[allowlist]] tables

// The table as a RuleFile, as load_rule_text would have returned it minus the examples; regexes
// are deferred (compiled on first use).
RuleFile builtin_rule_file();

} // namespace custody::secrets
