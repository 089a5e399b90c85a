#pragma once
// The only two ways a secret is ever shown: redacted (a short prefix) and as a fingerprint. The
// fingerprint is "<rule>:<first 20 hex of HMAC-SHA256(key, secret)>", keyed with the
// installation's fingerprint key (fingerprint_key.hpp): the same secret has the same fingerprint
// in every commit, branch, rebase and squash, and someone holding only the ledger cannot test
// guesses against it offline (an unkeyed hash of a dictionary password can be reversed).
#include <string>
#include <string_view>

namespace custody::secrets {

// Up to 4 leading characters (fewer for short secrets, never more than a quarter of them), then
// "…". Non-printable bytes are escaped. No length: it narrows a guess.
std::string redact(std::string_view secret);
std::string fingerprint(std::string_view rule_id, std::string_view secret, std::string_view key);

} // namespace custody::secrets
