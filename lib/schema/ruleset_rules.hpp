#pragma once
// The trailer-schema rules of one ruleset: whether the [trailers] schema applies to the commits
// its refs gain. The `default` ruleset turns it on for the protected refs.
#include "config/config.hpp"
#include "schema/assurance.hpp"

#include <optional>

namespace custody::schema {

struct SchemaRules {
  bool trailer_schema = false;
  std::optional<Assurance> min_review_assurance; // raises [trailers] min_review_assurance
};

void apply_rules(config::TableReader& rules, config::Sections& ruleset_rules);

} // namespace custody::schema
