#pragma once
// One ref update as git hands it to a hook: `<old> SP <new> SP <ref> LF` on pre-receive's stdin,
// or `ref old new` as the update hook's argv. Object ids are hex of any supported width (40 for
// SHA-1, 64 for SHA-256); the zero id of the same width means "absent".
#include "util/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace custody::refs {

struct RefUpdate {
  std::string old_oid;
  std::string new_oid;
  std::string ref;

  bool is_create() const;
  bool is_delete() const;
};

bool is_zero_oid(std::string_view oid);
// Hex of a supported object id width (40 or 64), either case.
bool is_object_id(std::string_view s);
// git's check_refname_format rules that matter for a hook: a full name under refs/, no empty,
// "."-leading or ".lock"-ending component, none of the forbidden bytes, no "..", "@{", or "//".
Status check_ref_name(std::string_view ref);

// Parses all of pre-receive's stdin strictly. Errors name the offending line (1-based).
Result<std::vector<RefUpdate>> parse_ref_update_lines(std::string_view input);
// Parses the update hook's three arguments.
Result<RefUpdate> parse_update_args(const std::vector<std::string>& args);

} // namespace custody::refs
