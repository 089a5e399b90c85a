#pragma once
// The decoys that make naive scanners cry wolf: documentation examples (AKIAIOSFODNN7EXAMPLE),
// placeholders (${TOKEN}, <your-key>, xxxx, changeme), UUIDs, hex hashes, lock-file integrity
// strings and code that merely names a secret (password = get_password()). A rule can accept
// shapes its real secrets have (Rule::shapes_ok). Context (generic, warn-tier) rules are held to
// more: in source code the value must be a quoted literal, the key must hold a secret rather than
// name one (secretName, credentialsId, token_uri), and fixture-looking values (test_api_key_123)
// do not count. Format (block-tier) rules are never excused by their path: a live key in a test
// folder leaks all the same.
#include "secrets/rule.hpp"

#include <string_view>

namespace custody::secrets {

// One regex match as the heuristics see it.
struct Candidate {
  std::string_view secret;
  std::string_view line;   // the line (or lines) holding the secret
  std::string_view before; // the match's text before the secret: the key of a context rule
  std::string_view path;   // the blob's path ("" when unknown)
};

// Why the candidate (found by `rule`) is not a secret, or "" when it may be one.
std::string_view not_secret_reason(const Rule& rule, const Candidate& c);

// The same, without key or path.
std::string_view not_secret_reason(const Rule& rule, std::string_view secret,
                                   std::string_view line);

bool is_uuid(std::string_view s);

} // namespace custody::secrets
