#pragma once
// What a rule id means, for `custody explain RULE`: every check family lists the ids its
// violations carry (families/checks.hpp), with what each refuses, the key that turns it on, where
// it is on in the effective configuration, and how a pusher fixes a refusal.
#include "policy/ruleset.hpp"

#include <fmt/format.h>

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace custody::policy {

struct RuleDoc {
  std::string id;   // as in violations and the ledger: "push_rules.dco"
  std::string text; // a few lines, each ending in '\n'
};

// "On in: default (active; refs/heads/main), files (evaluate; refs/heads/**)." for the rulesets
// where `on` holds, or "On in no ruleset of this configuration." Disabled rulesets are named so.
std::string where_on(const Rulesets& rulesets, const std::function<bool(const Ruleset&)>& on);

// One rule of a family whose ruleset rules are `Rules`: the id's last part, what it refuses and
// how to fix it, and whether a ruleset's rules turn it on.
template <class Rules> struct RuleText {
  const char* key;
  const char* text;
  bool (*on)(const Rules&);
};

// `family`.`key` for each, with where_on() appended.
template <class Rules>
std::vector<RuleDoc> rule_docs_of(std::string_view family, std::span<const RuleText<Rules>> texts,
                                  const Rulesets& rulesets) {
  std::vector<RuleDoc> out;
  for (const auto& t : texts)
    out.push_back(
        {fmt::format("{}.{}", family, t.key), t.text + where_on(rulesets, [&](const Ruleset& r) {
                                                return t.on(r.rules.template get<Rules>());
                                              })});
  return out;
}

} // namespace custody::policy
