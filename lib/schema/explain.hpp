#pragma once
// `custody explain RULE`: what a trailer rule requires, when it applies, and an example commit
// message that passes it. The example is checked with the real evaluator before it is shown.
#include "config/config.hpp"
#include "policy/rule_doc.hpp"

#include <optional>
#include <string>

namespace custody::schema {

// The explanation of `rule` ("ai-review" or "trailers.ai-review", also the built-in checks
// malformed, value, self-review, agent-reviewer, future-date), or nullopt if there is none.
std::optional<std::string> explain_rule(const config::Config& config, std::string_view rule,
                                        int64_t now);

// Every rule id explain_rule knows, for `custody explain` without arguments and suggestions.
std::vector<std::string> explainable_rules(const config::Config& config);

// Every trailer rule's explanation, for `custody explain` over all families.
std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t now);

} // namespace custody::schema
