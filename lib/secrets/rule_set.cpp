// Assembling the engine (see rule_set.hpp). The builtin rules come from the table generated at
// build time (builtin_rules.hpp), not from TOML; site rule files are parsed here, eagerly, so a
// bad pattern in one is a config error before any blob is scanned.
#include "secrets/rule_set.hpp"

#include "secrets/baseline.hpp"
#include "secrets/builtin_rules.hpp"
#include "secrets/fingerprint_key.hpp"
#include "secrets/rule_file.hpp"
#include "util/file.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace custody::secrets {

Allowlist site_allowlist(const SecretsConfig& config) {
  Allowlist a;
  a.description = "[secrets] allowlist";
  a.paths = config.allow_paths;
  a.regexes = config.allow_regexes;
  a.stopwords = config.stopwords;
  a.fingerprints.insert(config.allow_fingerprints.begin(), config.allow_fingerprints.end());
  return a;
}

Result<LoadedEngine> load_engine(const SecretsConfig& config,
                                 const std::filesystem::path& git_dir) {
  std::vector<Rule> rules;
  EngineOptions options;
  std::vector<std::string> notes;
  for (const auto& source : config.rules) {
    RuleFile file;
    if (source == "builtin") {
      file = builtin_rule_file();
    } else {
      auto content = util::read_file(source);
      if (!content)
        return make_error(content.error().code,
                          fmt::format("secret rule file {}: {}", source, content.error().message),
                          "fix [secrets].rules in the configuration");
      config::Diagnostics errors;
      file = load_rule_text(content.value(), source, errors);
      if (!errors.empty())
        return make_error(ErrorCode::invalid_config, errors.front().to_string(),
                          errors.size() > 1 ? fmt::format("and {} more problems in the rule files",
                                                          errors.size() - 1)
                                            : "");
    }
    for (auto& r : file.rules)
      rules.push_back(std::move(r));
    for (auto& a : file.allowlists)
      options.allowlists.push_back(std::move(a));
    notes.insert(notes.end(), file.notes.begin(), file.notes.end());
  }
  std::erase_if(rules, [&](const Rule& r) {
    return std::find(config.disabled_rules.begin(), config.disabled_rules.end(), r.id) !=
           config.disabled_rules.end();
  });
  for (const auto& override_tier : config.tiers) {
    const auto& [id, tier] = override_tier;
    // Not `[&]` on `id`: clang 14 cannot capture a structured binding.
    auto it = std::find_if(rules.begin(), rules.end(),
                           [&](const Rule& r) { return r.id == override_tier.first; });
    if (it == rules.end())
      return make_error(
          ErrorCode::invalid_config,
          fmt::format("[secrets].tiers names rule \"{}\", which no rule file defines", id),
          "check the id against `custody config show` or the rule files");
    it->tier = tier;
  }
  if (auto key_path = fingerprint_key_path(config, git_dir); !key_path.empty()) {
    auto key = load_or_create_fingerprint_key(key_path);
    if (!key)
      return key.error();
    options.fingerprint_key = std::move(*key);
  }
  Allowlist site = site_allowlist(config);
  if (!config.baseline.empty()) {
    auto baseline = read_baseline(config.baseline);
    if (!baseline)
      return baseline.error();
    site.fingerprints.insert(baseline->begin(), baseline->end());
  }
  if (!site.empty())
    options.allowlists.push_back(std::move(site));
  options.inline_allow = config.inline_allow ? InlineAllow::honoured : InlineAllow::ignored;
  options.secret_files = config.secret_files;
  options.max_decode_depth = config.max_decode_depth;
  options.archive_max_depth = config.archive_max_depth;
  options.archive_max_bytes = config.archive_max_bytes;
  options.archive_list_binary = config.binary == OnSkip::reject;
  auto engine = Engine::build(std::move(rules), std::move(options));
  if (!engine)
    return engine.error();
  return LoadedEngine{std::move(engine.value()), std::move(notes)};
}

} // namespace custody::secrets
