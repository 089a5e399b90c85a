#pragma once
// The environment the push pipeline sees when no push is running (the mirror check, dry runs):
// the repository's own object store (no quarantine), nothing a host says about a push
// (identity::push_variables: pusher, platform repository, web merge, Actions job), and a pusher
// name for the ledger and the rules (CUSTODY_PUSHER when the caller set it, else `pusher`).
#include "util/env.hpp"

#include <filesystem>
#include <string_view>

namespace custody::cli {

util::Environment offline_env(util::Environment env, const std::filesystem::path& git_dir,
                              std::string_view pusher);

} // namespace custody::cli
