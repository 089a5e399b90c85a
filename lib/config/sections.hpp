#pragma once
// One apply function per top-level config table. Each reads only the keys present in one layer
// (so later layers override earlier ones key by key) and must call `table.finish()` so unknown
// keys are reported. The table of sections lives in loader.cpp.
#include "config/config.hpp"

namespace custody::config {

void apply_refs_section(TableReader& table, Config& config);
void apply_agents_section(TableReader& table, Config& config);
void apply_ledger_section(TableReader& table, Config& config);
void apply_trailers_section(TableReader& table, Config& config); // schema/ owns the contents
void apply_secrets_section(TableReader& table, Config& config);  // secrets/ owns the contents

} // namespace custody::config
