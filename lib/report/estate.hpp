#pragma once
// The ledgers an evidence bundle covers: every repository under a host's repository root (each
// repository's ledger resolved as the hooks resolve it, from its configuration), or the ledger
// files a collector's tree holds (globs). Closed segments belong to their live ledger and are
// never listed on their own.
#include "util/env.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace custody::report {

struct LedgerSource {
  std::string repository;       // path of the repository relative to the root, or the ledger's
                                // directory relative to the glob's fixed prefix
  std::filesystem::path ledger; // the live segment (may not exist: no decision recorded yet)
  std::optional<std::filesystem::path> git_dir; // when found under a repository root
  std::filesystem::path signing_key;            // [ledger] signing_key, absolute; empty: none
  std::vector<std::string> config_layers;       // the configuration files that applied, in order
  std::string config_digest;                    // config::config_digest of those layers, now
  std::string config_error;                     // the first diagnostic when the config is invalid
};

// Every git repository under `root` (bare or with a work tree; nested repositories of a work tree
// are not searched), in path order. `env` supplies CUSTODY_SYSTEM_CONFIG / CUSTODY_CONFIG.
Result<std::vector<LedgerSource>> ledgers_under_root(const std::filesystem::path& root,
                                                     const util::Environment& env);

// Every live ledger file (*.jsonl that is not a numbered closed segment) matching one of the path
// globs, in path order. A relative glob is taken relative to `cwd`.
Result<std::vector<LedgerSource>> ledgers_matching(const std::vector<std::string>& globs,
                                                   const std::filesystem::path& cwd);

// The git directories under `root` (the walk ledgers_under_root uses).
std::vector<std::filesystem::path> git_dirs_under(const std::filesystem::path& root);

// True for ledger.000001.jsonl-style closed segment names.
bool is_closed_segment_name(const std::string& file_name);

} // namespace custody::report
