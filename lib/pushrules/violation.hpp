#pragma once
// How the push-rule family words its violations: rule id "push_rules.<key>", the ruleset that
// set the key, and one hint the pusher can act on.
#include "policy/push_context.hpp"

#include <string>

namespace custody::pushrules {

inline constexpr const char* k_control = "CC8.1";

policy::Violation violation(const policy::Ruleset& ruleset, std::string_view key,
                            std::string message, std::string hint);

// The first line of a commit message, shortened for a one-line report.
std::string subject_of(std::string_view message);

} // namespace custody::pushrules
