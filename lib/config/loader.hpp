#pragma once
// Loading the configuration chain.
#include "config/config.hpp"
#include "util/env.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <optional>

namespace custody::config {

struct LoadOptions {
  std::optional<std::filesystem::path> git_dir; // adds $GIT_DIR/custody.toml when set
  std::filesystem::path system_file = "/etc/custody/custody.toml";
  std::optional<std::filesystem::path> explicit_file; // $CUSTODY_CONFIG or `config check FILE`
  bool record_origins = false;                        // fill Config::origins (`config show`)
};

// Options for a hook: git_dir from the caller, explicit_file from $CUSTODY_CONFIG, and
// $CUSTODY_SYSTEM_CONFIG overriding the system file (for tests and packagers).
LoadOptions load_options_from_env(const util::Environment& env,
                                  std::optional<std::filesystem::path> git_dir);

struct LoadResult {
  Config config;
  Diagnostics diagnostics; // empty when the configuration is valid
};

// Reads every layer that exists (a missing optional file is fine; an explicit file that is
// missing is an error). Never throws.
LoadResult load_config(const LoadOptions& options);

// Parses one TOML text as a layer on top of `config` (used by the loader and by tests), recording
// each value's origin in config.origins if `record_origins`.
void apply_layer(Config& config, std::string_view text, const std::string& file, Diagnostics& diags,
                 bool record_origins = true);

// The embedded default configuration alone.
Config default_config(bool record_origins = true);

} // namespace custody::config
