#pragma once
// What git accepts as an object id and as a ref name: git's own rules, so they live below every
// folder that reads refs (refs/ re-exports them for hook input).
#include "util/result.hpp"

#include <string_view>

namespace custody::git {

// Hex of a supported object id width (40 or 64), either case.
bool is_object_id(std::string_view s);
// git's check_refname_format rules that matter for a hook: a full name under refs/, no empty,
// "."-leading or ".lock"-ending component, none of the forbidden bytes, no "..", "@{", or "//".
Status check_ref_name(std::string_view ref);

} // namespace custody::git
