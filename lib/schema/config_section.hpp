#pragma once
// Reads one layer's [trailers] table into config.edit<SchemaConfig>().
#include "config/config.hpp"
#include "schema/schema_config.hpp"

namespace custody::schema {

void apply_section(config::TableReader& table, config::Config& config);

} // namespace custody::schema
