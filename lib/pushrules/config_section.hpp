#pragma once
// The push-rule keys of a ruleset's `rules` table (rules.hpp).
#include "config/config.hpp"

namespace custody::pushrules {

void apply_rules(config::TableReader& rules, config::Sections& ruleset_rules);

} // namespace custody::pushrules
