// Finding where the message ends; see message_end.hpp for the rules and the one deliberate
// difference from git (no hang on a scissors line after a divider).
#include "trailers/message_end.hpp"

#include "trailers/git_ctype.hpp"
#include "trailers/lines.hpp"

#include <string>

namespace custody::trailers {

namespace {

constexpr std::string_view k_cut_line = "------------------------ >8 ------------------------\n";

} // namespace

size_t find_patch_start(std::string_view text) {
  for (size_t pos = 0; pos < text.size(); pos = next_line(text, pos)) {
    if (text.substr(pos, 3) == "---" && pos + 3 < text.size() && is_git_space(text[pos + 3]))
      return pos;
  }
  return text.size();
}

size_t find_scissors(std::string_view text, char comment_char) {
  std::string pattern;
  pattern.reserve(k_cut_line.size() + 3);
  pattern += '\n';
  pattern += comment_char;
  pattern += ' ';
  pattern += k_cut_line;
  if (text.substr(0, pattern.size() - 1) == std::string_view(pattern).substr(1))
    return 0;
  size_t p = text.find(pattern);
  return p == std::string_view::npos ? text.size() : p + 1;
}

size_t find_trailer_end(std::string_view text, size_t end, char comment_char) {
  size_t cutoff = find_scissors(text, comment_char);
  if (cutoff > end) // git 2.39 hangs here; a scissors line past the end changes nothing
    cutoff = end;
  // Walk forward remembering where the current run of ignorable lines began (0 = no run; a
  // run that begins at offset 0 is therefore not recognised, as in git).
  size_t run_start = 0;
  bool in_conflicts_block = false;
  std::string_view body = text.substr(0, end);
  for (size_t bol = 0; bol < cutoff; bol = next_line(body, bol)) {
    char c = body[bol];
    if (c == comment_char || c == '\n') {
      if (!run_start)
        run_start = bol;
    } else if (body.substr(bol, 11) == "Conflicts:\n") {
      in_conflicts_block = true;
      if (!run_start)
        run_start = bol;
    } else if (in_conflicts_block && c == '\t') {
      // a path inside the old conflicts block
    } else if (run_start) {
      run_start = 0;
      in_conflicts_block = false;
    }
  }
  return run_start ? run_start : cutoff;
}

} // namespace custody::trailers
