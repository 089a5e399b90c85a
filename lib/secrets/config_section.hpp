#pragma once
// Reads one layer's [secrets] table into config.edit<SecretsConfig>().
#include "config/config.hpp"
#include "secrets/secrets_config.hpp"

namespace custody::secrets {

void apply_section(config::TableReader& table, config::Config& config);

} // namespace custody::secrets
