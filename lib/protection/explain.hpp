#pragma once
// The ref-protection rule ids (refs.*) for `custody explain`.
#include "config/config.hpp"
#include "policy/rule_doc.hpp"

namespace custody::protection {

std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t now);

} // namespace custody::protection
