#include "schema/ruleset_rules.hpp"

namespace custody::schema {

void apply_rules(config::TableReader& t, config::Sections& ruleset_rules) {
  if (auto v = t.boolean("trailer_schema"))
    ruleset_rules.edit<SchemaRules>().trailer_schema = *v;
  if (auto v = t.choice("min_review_assurance", assurance_names()))
    ruleset_rules.edit<SchemaRules>().min_review_assurance = parse_assurance(*v);
}

} // namespace custody::schema
