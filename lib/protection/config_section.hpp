#pragma once
// [refs] (the `default` ruleset's targets and ref rules) and the ref rules of any ruleset.
#include "config/config.hpp"

namespace custody::protection {

void apply_section(config::TableReader& table, config::Config& config);
void apply_rules(config::TableReader& rules, config::Sections& ruleset_rules);

} // namespace custody::protection
