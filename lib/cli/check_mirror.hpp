#pragma once
// `custody check --since-last`: policy for a mirror. A mirror is filled by `git fetch`, which runs
// no receive hooks, so this checks, after the fact, every ref update since the state it last
// accepted, with the push pipeline (every check family), records the decisions and the new state
// in the ledger, and with `enforce` puts offending refs back to their last good value.
// docs/hosts/mirrors.md has the cron/systemd recipes.
#include "hook/io.hpp"

#include <string>

namespace custody::cli {

enum class Enforce { no, yes };

// Returns 0 (nothing to report), 1 (violations, even when restored) or 2 (could not run).
int check_mirror(const std::string& repo_path, Enforce enforce, hook::Io& io);

} // namespace custody::cli
