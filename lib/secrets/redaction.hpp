#pragma once
// The only two ways a secret is ever shown: redacted (a short prefix and the length) and as a
// fingerprint. The fingerprint is content-based, "<rule>:<first 20 hex of SHA-256(secret)>", so
// the same secret has the same fingerprint in every commit, branch, rebase and squash.
#include <string>
#include <string_view>

namespace custody::secrets {

// Up to 4 leading characters (fewer for short secrets, never more than a quarter of them), then
// "…(N chars)". Non-printable bytes are escaped.
std::string redact(std::string_view secret);
std::string fingerprint(std::string_view rule_id, std::string_view secret);

} // namespace custody::secrets
