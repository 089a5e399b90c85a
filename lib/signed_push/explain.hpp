#pragma once
// The signed-push rule ids (signed_push.*) for `custody explain`.
#include "config/config.hpp"
#include "policy/rule_doc.hpp"

namespace custody::signed_push {

std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t now);

} // namespace custody::signed_push
