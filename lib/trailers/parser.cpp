// The trailer parser: locate the block (find_trailer_start's backward scan with the 25% rule),
// split it into entries with continuation lines, then parse and unfold each entry.
#include "trailers/parser.hpp"

#include "trailers/git_ctype.hpp"
#include "trailers/lines.hpp"
#include "trailers/message_end.hpp"

namespace custody::trailers {

namespace {

// Lines git itself writes, which make a mostly-prose last paragraph count as a trailer block.
constexpr std::string_view k_git_generated_prefixes[] = {"Signed-off-by: ",
                                                         "(cherry picked from commit "};

std::string_view trim_git_space(std::string_view s) {
  while (!s.empty() && is_git_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_git_space(s.back()))
    s.remove_suffix(1);
  return s;
}

// End of the title paragraph: the first blank line in text[0, end) that is not a comment
// line, or `end` when there is none (then nothing can be a trailer).
size_t find_end_of_title(std::string_view text, size_t end, char comment_char) {
  for (size_t pos = 0; pos < end; pos = next_line(text, pos)) {
    if (text[pos] == comment_char)
      continue;
    if (is_blank_line(text, pos))
      return pos;
  }
  return end;
}

bool is_git_generated(std::string_view text, size_t bol) {
  for (auto prefix : k_git_generated_prefixes)
    if (text.substr(bol, prefix.size()) == prefix)
      return true;
  return false;
}

// Start of the trailer block in text[0, end), or `end` when the last paragraph is not one.
size_t find_trailer_start(std::string_view text, size_t end, char comment_char) {
  size_t end_of_title = find_end_of_title(text, end, comment_char);
  bool only_spaces = true;
  bool recognized_prefix = false;
  long trailer_lines = 0;
  long non_trailer_lines = 0;
  // Indented lines seen since the last trailer: continuations if a trailer comes before them
  // (scanning backwards, "next"), non-trailers if a non-trailer does.
  long possible_continuation_lines = 0;

  for (long l = last_line(text, end); l >= 0 && static_cast<size_t>(l) >= end_of_title;
       l = last_line(text, static_cast<size_t>(l))) {
    size_t bol = static_cast<size_t>(l);
    if (text[bol] == comment_char) {
      non_trailer_lines += possible_continuation_lines;
      possible_continuation_lines = 0;
      continue;
    }
    if (is_blank_line(text, bol)) {
      if (only_spaces)
        continue;
      non_trailer_lines += possible_continuation_lines;
      if (recognized_prefix && trailer_lines * 3 >= non_trailer_lines)
        return next_line(text, bol);
      if (trailer_lines && !non_trailer_lines)
        return next_line(text, bol);
      return end;
    }
    only_spaces = false;

    if (is_git_generated(text, bol)) {
      ++trailer_lines;
      possible_continuation_lines = 0;
      recognized_prefix = true;
      continue;
    }
    if (find_separator(text, bol) >= 1 && !is_git_space(text[bol])) {
      ++trailer_lines;
      possible_continuation_lines = 0;
    } else if (is_git_space(text[bol])) {
      ++possible_continuation_lines;
    } else {
      ++non_trailer_lines;
      non_trailer_lines += possible_continuation_lines;
      possible_continuation_lines = 0;
    }
  }
  return end;
}

// Every LF plus the whitespace after it becomes one SP; then trim again (the value is
// trimmed before unfolding too, as git does).
std::string unfold(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size();) {
    char c = value[i++];
    if (c == '\n') {
      while (i < value.size() && is_git_space(value[i]))
        ++i;
      out += ' ';
    } else {
      out += c;
    }
  }
  return std::string(trim_git_space(out));
}

struct Entry {
  size_t begin;
  size_t end;
  bool has_separator;
};

} // namespace

TrailerBlock parse_trailers(std::string_view message, const ParseOptions& options) {
  std::string_view text = message.substr(0, message.find('\0'));
  char cc = options.comment_char;
  size_t patch_start = options.divider == Divider::ignore ? text.size() : find_patch_start(text);
  size_t trailer_end = find_trailer_end(text, patch_start, cc);
  size_t trailer_start = find_trailer_start(text, trailer_end, cc);

  TrailerBlock block;
  block.message_end = trailer_end;
  block.begin = trailer_start;
  block.end = trailer_end;
  if (trailer_start >= trailer_end) {
    block.begin = block.end = trailer_end;
    return block;
  }

  // Entries: a line starting with SP/TAB/CR/LF continues the previous entry when that entry
  // has a separator; otherwise it stands alone.
  std::vector<Entry> entries;
  std::string_view range = text.substr(0, trailer_end);
  for (size_t pos = trailer_start; pos < trailer_end;) {
    size_t next = next_line(range, pos);
    if (!entries.empty() && entries.back().has_separator && is_git_space(text[pos])) {
      entries.back().end = next;
    } else {
      entries.push_back({pos, next, find_separator(range, pos) >= 1});
    }
    pos = next;
  }

  for (const auto& e : entries) {
    std::string_view entry = range.substr(e.begin, e.end - e.begin);
    if (entry.front() == cc || !e.has_separator)
      continue;
    size_t sep = static_cast<size_t>(find_separator(entry, 0));
    block.trailers.push_back({std::string(trim_git_space(entry.substr(0, sep))),
                              unfold(trim_git_space(entry.substr(sep + 1)))});
  }
  return block;
}

std::string format_trailers(const std::vector<Trailer>& trailers) {
  std::string out;
  for (const auto& t : trailers) {
    out += t.key;
    out += ": ";
    out += t.value;
    out += '\n';
  }
  return out;
}

} // namespace custody::trailers
