// Line helpers for the trailer parser; see lines.hpp.
#include "trailers/lines.hpp"

#include "trailers/git_ctype.hpp"

namespace custody::trailers {

size_t next_line(std::string_view text, size_t pos) {
  size_t nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

long last_line(std::string_view text, size_t end) {
  if (end == 0)
    return -1;
  if (end == 1)
    return 0;
  // The byte at end-1 belongs to the last line even when it is an LF.
  size_t nl = text.substr(0, end - 1).rfind('\n');
  return nl == std::string_view::npos ? 0 : static_cast<long>(nl + 1);
}

bool is_blank_line(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] != '\n' && is_git_space(text[pos]))
    ++pos;
  return pos == text.size() || text[pos] == '\n';
}

long find_separator(std::string_view text, size_t pos) {
  bool whitespace_found = false;
  for (size_t i = pos; i < text.size(); ++i) {
    char c = text[i];
    if (c == ':')
      return static_cast<long>(i - pos);
    if (!whitespace_found && (is_git_alnum(c) || c == '-'))
      continue;
    if (i != pos && (c == ' ' || c == '\t')) {
      whitespace_found = true;
      continue;
    }
    break;
  }
  return -1;
}

} // namespace custody::trailers
