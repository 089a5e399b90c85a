#pragma once
// Trailer parsing that agrees byte for byte with `git interpret-trailers --parse` (git 2.39),
// with or without `--no-divider`. The rules, and the quirks kept on purpose, are in
// docs/trailers.md ("Parsing"); every step is linear in the message and never fails.
//
// The commit-msg hook and the server both parse with Divider::ignore: in a commit object a
// `---` line is ordinary text (git log --format=%(trailers) does the same).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace custody::trailers {

struct Trailer {
  std::string key;   // as written (case kept), trimmed
  std::string value; // trimmed, continuation lines unfolded into single spaces
};

enum class Divider {
  honour, // a line starting with "---" and a space ends the message (interpret-trailers --parse)
  ignore, // --no-divider
};

struct ParseOptions {
  Divider divider = Divider::honour;
  char comment_char = '#'; // core.commentChar
};

struct TrailerBlock {
  std::vector<Trailer> trailers; // in message order, duplicates kept
  // The block's byte range in the message (after NUL truncation); begin == end when the
  // message has no trailer block.
  size_t begin = 0;
  size_t end = 0;
  size_t message_end = 0; // where the message ends (divider, scissors, trailing comments)
};

// Parses `message` as git does: everything from the first NUL byte on is ignored.
TrailerBlock parse_trailers(std::string_view message, const ParseOptions& options = {});

// What `git interpret-trailers --parse` prints for these trailers: "key: value\n" each.
std::string format_trailers(const std::vector<Trailer>& trailers);

} // namespace custody::trailers
