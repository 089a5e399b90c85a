#pragma once
// One ref update as git hands it to a hook: `<old> SP <new> SP <ref> LF` on pre-receive's stdin,
// or `ref old new` as the update hook's argv. Object ids are hex of any supported width (40 for
// SHA-1, 64 for SHA-256); the zero id of the same width means "absent".
#include "git/ref_name.hpp"
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
using git::check_ref_name; // git/ref_name.hpp
using git::is_object_id;

// Parses all of pre-receive's stdin strictly. Errors name the offending line (1-based).
Result<std::vector<RefUpdate>> parse_ref_update_lines(std::string_view input);
// Parses the update hook's three arguments.
Result<RefUpdate> parse_update_args(const std::vector<std::string>& args);

} // namespace custody::refs
