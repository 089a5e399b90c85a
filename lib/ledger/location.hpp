#pragma once
// Where a repository's ledger lives: the one resolver the hooks and the admin CLI share.
#include "ledger/ledger.hpp"
#include "ledger/ledger_config.hpp"

#include <filesystem>

namespace custody::ledger {

// The ledger of the repository at `git_dir` as `config` places it: relative paths (the ledger
// its signing key and its head file) are under `git_dir`; the defaults are custody/ledger.jsonl
// and custody-ledger.head.
LedgerOptions locate(const LedgerConfig& config, const std::filesystem::path& git_dir);

} // namespace custody::ledger
