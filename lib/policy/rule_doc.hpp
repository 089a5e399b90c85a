#pragma once
// What a rule id means, for `custody explain RULE`: every check family lists the ids its
// violations carry (families/checks.hpp), with what each refuses, the key that turns it on, where
// it is on in the effective configuration, and how a pusher fixes a refusal.
#include "policy/ruleset.hpp"

#include <functional>
#include <string>
#include <vector>

namespace custody::policy {

struct RuleDoc {
  std::string id;   // as in violations and the ledger: "push_rules.dco"
  std::string text; // a few lines, each ending in '\n'
};

// "On in: default (active; refs/heads/main), files (evaluate; refs/heads/**)." for the rulesets
// where `on` holds, or "On in no ruleset of this configuration." Disabled rulesets are named so.
std::string where_on(const Rulesets& rulesets, const std::function<bool(const Ruleset&)>& on);

} // namespace custody::policy
