#pragma once
// Trailer values that name people: `Name <email>` (git's own identity format, as in
// Signed-off-by) and bare emails. Deliberately strict and ASCII-structural: these values are
// audit evidence, so "Jane" or "jane@example" must be rejected, not guessed at.
#include <optional>
#include <string>
#include <string_view>

namespace custody::schema {

struct Identity {
  std::string name;
  std::string email;
  std::string display() const { return name + " <" + email + ">"; }
};

// A plausible address: one '@', a non-empty local part, a domain with a dot inside it, and no
// spaces, '<', '>' or control characters.
bool is_email(std::string_view text);

// `Name <email>` with a non-empty name and a valid email, nothing after '>'.
std::optional<Identity> parse_identity(std::string_view text);

} // namespace custody::schema
