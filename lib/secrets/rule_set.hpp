#pragma once
// Assembling the engine a scan uses from the configuration: the builtin rules (config/rules.toml,
// compiled into a table at build time: builtin_rules.hpp), the site's rule files, minus disabled
// rules, plus the server-side allowlist from [secrets].
#include "secrets/engine.hpp"
#include "secrets/secrets_config.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace custody::secrets {

struct LoadedEngine {
  Engine engine;
  std::vector<std::string> notes; // what imported rule files asked for that is not honoured
};

// Errors (a missing rule file, a bad custody-format rule, an unreadable fingerprint key) fail the
// load: a scan with silently fewer rules than configured would be a false sense of safety.
// `git_dir` locates the default fingerprint key (fingerprint_key.hpp); with neither it nor
// [secrets].fingerprint_key, fingerprints are unkeyed (tests and benchmarks only).
Result<LoadedEngine> load_engine(const SecretsConfig& config,
                                 const std::filesystem::path& git_dir = {});

// The server-side allowlist of `config` as an Allowlist (empty if nothing is configured).
Allowlist site_allowlist(const SecretsConfig& config);

} // namespace custody::secrets
