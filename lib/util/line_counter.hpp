#pragma once
// Line and column numbers of byte offsets in one text. The counter resumes where its last call
// stopped, so numbering offsets in increasing order costs one pass over the text in all, however
// many offsets there are; an earlier offset restarts the count from the beginning.
#include <cstddef>
#include <string_view>

namespace custody::util {

struct TextPosition {
  int line = 1;   // 1-based
  int column = 1; // 1-based, in bytes
  bool operator==(const TextPosition&) const = default;
};

class LineCounter {
public:
  explicit LineCounter(std::string_view text) : m_text(text) {}

  // The position of `offset` (clamped to the text's size).
  TextPosition at(size_t offset);

private:
  std::string_view m_text;
  size_t m_offset = 0;     // newlines before this offset are counted
  size_t m_line_start = 0; // first byte of the line that holds m_offset
  int m_line = 1;
};

// The number of '\n' bytes in `text`, a word at a time.
size_t count_newlines(std::string_view text);

// The start of the line that holds offset `pos` (just past the last '\n' before it), but not
// below `floor` (<= pos <= text.size()). Searches back a word at a time.
size_t line_start(std::string_view text, size_t pos, size_t floor = 0);

} // namespace custody::util
