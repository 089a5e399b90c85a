#pragma once
// Reads one layer's [[people]] entries into config.edit<Registry>(). A later layer's entry with
// the same name replaces the earlier one; an email, account or key listed for two people is an
// error at the second entry's line (it would make "same person" ambiguous).
#include "config/config.hpp"
#include "identity/registry.hpp"

namespace custody::identity {

void apply_people_section(std::vector<config::TableReader>& entries, config::Config& config);

} // namespace custody::identity
