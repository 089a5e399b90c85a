#pragma once
// The trailer-schema rules of one ruleset: whether the [trailers] schema applies to the commits
// its refs gain. The `default` ruleset turns it on for the protected refs.
#include "config/config.hpp"

namespace custody::schema {

struct SchemaRules {
  bool trailer_schema = false;
};

void apply_rules(config::TableReader& rules, config::Sections& ruleset_rules);

} // namespace custody::schema
