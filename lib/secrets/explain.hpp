#pragma once
// The secret-scanning rule ids (secrets.*) for `custody explain`: every detection rule of the
// effective rule set (with its tier and where it is defined) and the refusals for what could not
// be scanned.
#include "config/config.hpp"
#include "policy/rule_doc.hpp"

namespace custody::secrets {

std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t now);

} // namespace custody::secrets
