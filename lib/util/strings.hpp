#pragma once
// Small string helpers shared by every module. ASCII-only by design: git's own ctype is ASCII,
// and locale-dependent behaviour has no place in a policy hook.
#include <string>
#include <string_view>
#include <vector>

namespace custody::util {

bool is_ascii_space(char c); // SP, TAB, LF, CR, VT, FF
char ascii_lower(char c);
std::string to_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool starts_with_icase(std::string_view s, std::string_view prefix);
std::string_view trim(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
bool is_hex(std::string_view s);

// Replaces control characters (except TAB) and invalid UTF-8 so `s` is safe to print on one
// terminal line or to store in JSON: bytes that are not valid UTF-8 become U+FFFD.
std::string printable(std::string_view s);
// Valid UTF-8 copy of `s` (invalid sequences become U+FFFD); control characters are kept.
std::string sanitize_utf8(std::string_view s);

// Levenshtein distance, for "did you mean" suggestions.
size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word` if it is close enough to be a plausible typo, else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

} // namespace custody::util
