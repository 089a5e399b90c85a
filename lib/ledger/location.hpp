#pragma once
// Where a repository's ledger lives: the one resolver the hooks and the admin CLI share.
#include "ledger/ledger.hpp"
#include "ledger/ledger_config.hpp"

#include <filesystem>

namespace custody::ledger {

// The ledger of the repository at `git_dir` as `config` places it: relative paths (the ledger
// and its signing key) are under `git_dir`; the default is custody/ledger.jsonl.
LedgerOptions locate(const LedgerConfig& config, const std::filesystem::path& git_dir);

} // namespace custody::ledger
