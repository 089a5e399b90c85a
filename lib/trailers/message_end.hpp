#pragma once
// Where a message's trailer-bearing text ends, per git 2.39 (trailer.c find_patch_start,
// commit.c ignore_non_trailer, wt-status.c wt_status_locate_end); docs/trailers.md, "Parsing".
//
// One deliberate difference: git searches for the scissors line in the whole input, so a
// scissors line after a `---` divider makes git 2.39 loop forever. Here a scissors line beyond
// the end of the message is simply irrelevant: the message already ended at the divider.
#include <cstddef>
#include <string_view>

namespace custody::trailers {

// Offset of the first line that starts with "---" followed by SP, TAB, CR or LF (a patch
// divider), or text.size() when there is none.
size_t find_patch_start(std::string_view text);

// Offset of the scissors line "<comment> ------------------------ >8 ------------------------"
// (LF-terminated, at a line start) in `text`, or text.size() when there is none.
size_t find_scissors(std::string_view text, char comment_char);

// The end of the trailer-bearing part of text[0, end): at the scissors line if it comes first,
// then without the trailing run of comment lines, empty lines and an old "Conflicts:" block.
size_t find_trailer_end(std::string_view text, size_t end, char comment_char);

} // namespace custody::trailers
