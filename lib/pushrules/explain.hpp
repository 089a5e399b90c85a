#pragma once
// The push-rule ids (push_rules.*) for `custody explain`.
#include "config/config.hpp"
#include "policy/rule_doc.hpp"

namespace custody::pushrules {

std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t now);

} // namespace custody::pushrules
