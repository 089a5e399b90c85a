#pragma once
// Line navigation over a message, the way git's trailer code walks it: a line runs from its
// first byte through its LF (the last line may lack one). Offsets, not pointers, so every step
// is bounds-checked; each helper touches only the one line it is asked about.
#include <cstddef>
#include <string_view>

namespace custody::trailers {

// Offset of the line after the one starting at `pos` (text.size() when it is the last).
size_t next_line(std::string_view text, size_t pos);

// Start of the last line in text[0, end), treating a final LF as part of that line;
// -1 when `end` is 0 (git's last_line()).
long last_line(std::string_view text, size_t end);

// True if the line at `pos` has only SP/TAB/CR before its LF (or the end): git's is_blank_line.
bool is_blank_line(std::string_view text, size_t pos);

// git's find_separator() for the only separator a clean configuration has, ':': the offset of
// the ':' within the line at `pos` when the line reads `token [SP|TAB]* :` with a token of
// [A-Za-z0-9-], or -1. 0 means the line starts with ':' (no token).
long find_separator(std::string_view text, size_t pos);

} // namespace custody::trailers
