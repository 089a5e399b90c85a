#pragma once
// The commit-identity keys of a ruleset's `rules` table (rules.hpp).
#include "config/config.hpp"

namespace custody::commit_identity {

void apply_rules(config::TableReader& rules, config::Sections& ruleset_rules);

} // namespace custody::commit_identity
