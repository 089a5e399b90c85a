#pragma once
// Where a record comes from, so that records of many nodes and repositories can be merged
// (docs/ledger.md#origin): the node that wrote it and the repository by a stable id.
#include "ledger/ledger_config.hpp"
#include "util/env.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace custody::ledger {

// 1-64 characters of A-Z a-z 0-9 . _ -, not starting with '.': safe as a file name.
bool is_node_id(std::string_view id);

// This node's id: [ledger] node; else the id kept in [ledger] node_file (default
// $XDG_STATE_HOME/custody/node-id, else $HOME/.local/state/custody/node-id); else derived once
// from the host name and /etc/machine-id ("<host>-<8 hex>") and kept there. A node_file that
// cannot be written leaves the derived id, which is the same on every call.
std::string node_id(const LedgerConfig& config, const util::Environment& env);

// The repository's stable id: its git dir relative to [ledger] repository_root when under it,
// else the git dir's last two path components ("group/app.git").
std::string repository_id(const LedgerConfig& config, const std::filesystem::path& git_dir);

} // namespace custody::ledger
