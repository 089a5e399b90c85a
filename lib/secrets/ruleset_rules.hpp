#pragma once
// The secret-scanning rule of one ruleset: which refs' new content is scanned with [secrets].
// The `default` ruleset scans what every ref brings in ("all-refs"), so a secret cannot reach
// the server on a feature branch; another ruleset can scan only the refs it targets.
#include "config/config.hpp"

namespace custody::secrets {

enum class ScanScope { off, targeted_refs, all_refs };

struct SecretRules {
  ScanScope secret_scanning = ScanScope::off;
};

void apply_rules(config::TableReader& rules, config::Sections& ruleset_rules);

} // namespace custody::secrets
