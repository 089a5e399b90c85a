#pragma once
// The decoys that make naive scanners cry wolf: documentation examples (AKIAIOSFODNN7EXAMPLE),
// placeholders (${TOKEN}, <your-key>, xxxx, changeme), UUIDs, hex hashes, lock-file integrity
// strings and code that merely names a secret (password = get_password()). A rule can accept
// shapes its real secrets have (Rule::shapes_ok).
#include "secrets/rule.hpp"

#include <string_view>

namespace custody::secrets {

// Why `secret` (found by `rule` on `line`) is not a secret, or "" when it may be one.
std::string_view not_secret_reason(const Rule& rule, std::string_view secret,
                                   std::string_view line);

bool is_uuid(std::string_view s);

} // namespace custody::secrets
