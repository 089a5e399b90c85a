#pragma once
// The commit-identity rule ids (commit_identity.*) for `custody explain`.
#include "config/config.hpp"
#include "policy/rule_doc.hpp"

namespace custody::commit_identity {

std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t now);

} // namespace custody::commit_identity
