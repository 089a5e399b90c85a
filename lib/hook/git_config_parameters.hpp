#pragma once
// `git -c key=value` settings reach hooks only through $GIT_CONFIG_PARAMETERS (libgit2 does not
// read it). The commit-msg hook needs them for commit.cleanup and core.commentChar.
#include "util/env.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace custody::hook {

// The last value of `key` (case-insensitive) in $GIT_CONFIG_PARAMETERS, in git's format
// `'section.key'='value' ...` or the older `'section.key=value' ...`; nullopt if absent.
std::optional<std::string> git_config_parameter(const util::Environment& env, std::string_view key);

} // namespace custody::hook
