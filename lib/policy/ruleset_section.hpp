#pragma once
// Reads [[rulesets]] entries into config.edit<Rulesets>(). An entry names a ruleset; a later
// layer's entry with the same name overrides only the keys it sets, so a site file can turn the
// embedded `default` ruleset to `evaluate` with two lines.
#include "config/config.hpp"

#include <vector>

namespace custody::policy {

void apply_rulesets_section(std::vector<config::TableReader>& entries, config::Config& config);

} // namespace custody::policy
