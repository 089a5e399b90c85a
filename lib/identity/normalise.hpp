#pragma once
// Names and addresses reduced to the form people see, so that look-alikes compare equal:
//   normalise_name("CORP\\Сlaude")  == "claude"   (domain prefix dropped, Cyrillic С → c)
//   normalise_email("Alice+Review@Example.com") == "alice@example.com"
// The reduction: UTF-8 decoded; zero-width and soft-hyphen characters dropped; Unicode
// compatibility forms folded (fullwidth ASCII, mathematical alphanumerics, ligatures); letters
// that look like Latin ones (Cyrillic, Greek, Latin with diacritics) mapped to the Latin letter
// (a small confusables table, not all of Unicode's); ASCII lowercased. Invalid UTF-8 bytes are
// kept as they are. Agent patterns and the identity registry match these forms.
#include <string>
#include <string_view>

namespace custody::identity {

// The look-alike skeleton of any text: lowercase, folded as above.
std::string skeleton(std::string_view text);

// An account or author name: the skeleton of what follows the last '\' (`DOMAIN\user`).
std::string normalise_name(std::string_view name);

// An email address: skeleton, with a `+tag` subaddress dropped from the local part.
std::string normalise_email(std::string_view email);

} // namespace custody::identity
