#include "secrets/ruleset_rules.hpp"

namespace custody::secrets {

void apply_rules(config::TableReader& t, config::Sections& ruleset_rules) {
  if (auto v = t.choice("secret_scanning", {"off", "targeted-refs", "all-refs"}))
    ruleset_rules.edit<SecretRules>().secret_scanning = *v == "all-refs" ? ScanScope::all_refs
                                                        : *v == "off"    ? ScanScope::off
                                                                         : ScanScope::targeted_refs;
}

} // namespace custody::secrets
