#pragma once
// Reads one layer's [agents] table into config.edit<AgentsConfig>().
#include "config/config.hpp"
#include "identity/agents_config.hpp"

namespace custody::identity {

void apply_section(config::TableReader& table, config::Config& config);

} // namespace custody::identity
