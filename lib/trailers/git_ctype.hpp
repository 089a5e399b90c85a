#pragma once
// git's own character classes (ctype.c sane_ctype), which the trailer rules are defined in.
// They differ from <cctype> and from util::is_ascii_space: VT and FF are not spaces, and only
// ASCII letters and digits are alphanumeric, whatever the locale.
namespace custody::trailers {

// SP, TAB, LF, CR.
constexpr bool is_git_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// ASCII letters and digits.
constexpr bool is_git_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

} // namespace custody::trailers
