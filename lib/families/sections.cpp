// The configuration sections of every check family, in reading order. This is the one place that
// knows every family's section (config/ includes none of them): a new family is a new folder
// plus one line here.
#include "config/sections.hpp"

#include "commit_identity/config_section.hpp"
#include "identity/config_section.hpp"
#include "identity/people_section.hpp"
#include "identity/signing_section.hpp"
#include "ledger/config_section.hpp"
#include "policy/ruleset_section.hpp"
#include "protection/config_section.hpp"
#include "pushrules/config_section.hpp"
#include "schema/config_section.hpp"
#include "schema/ruleset_rules.hpp"
#include "secrets/config_section.hpp"
#include "secrets/ruleset_rules.hpp"
#include "signed_push/config_section.hpp"

namespace custody::config {

std::span<const Section> family_sections() {
  // name        [name] table               [[name]] entries                ruleset `rules` keys
  static const Section k_sections[] = {
      {"refs", protection::apply_section, nullptr, protection::apply_rules},
      {"agents", identity::apply_section, nullptr, nullptr},
      {"people", nullptr, identity::apply_people_section, nullptr},
      {"signing", identity::apply_signing_section, nullptr, nullptr},
      {"ledger", ledger::apply_section, nullptr, nullptr},
      {"trailers", schema::apply_section, nullptr, schema::apply_rules},
      {"secrets", secrets::apply_section, nullptr, secrets::apply_rules},
      {"push_rules", nullptr, nullptr, pushrules::apply_rules}, // ruleset `rules` keys only
      {"commit_identity", nullptr, nullptr, commit_identity::apply_rules}, // ruleset `rules` only
      {"signed_push", nullptr, nullptr, signed_push::apply_rules},         // ruleset `rules` only
      {"rulesets", nullptr, policy::apply_rulesets_section, nullptr}, // last: may name any rule
  };
  return k_sections;
}

} // namespace custody::config
