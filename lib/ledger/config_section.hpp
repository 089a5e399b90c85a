#pragma once
// Reads one layer's [ledger] table into config.edit<LedgerConfig>().
#include "config/config.hpp"
#include "ledger/ledger_config.hpp"

namespace custody::ledger {

void apply_section(config::TableReader& table, config::Config& config);

} // namespace custody::ledger
