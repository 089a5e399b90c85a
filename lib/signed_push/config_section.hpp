#pragma once
// The signed-push keys of a ruleset's `rules` table (rules.hpp).
#include "config/config.hpp"

namespace custody::signed_push {

void apply_rules(config::TableReader& rules, config::Sections& ruleset_rules);

} // namespace custody::signed_push
