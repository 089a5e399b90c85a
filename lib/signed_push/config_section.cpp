#include "signed_push/config_section.hpp"

#include "signed_push/rules.hpp"

namespace custody::signed_push {

void apply_rules(config::TableReader& t, config::Sections& ruleset_rules) {
  if (auto v = t.boolean("require_signed_push"))
    ruleset_rules.edit<SignedPushRules>().require_signed_push = *v;
}

} // namespace custody::signed_push
