#pragma once
// Texts derived from a blob that the rules must also see (issue 12):
//  - indented PEM blocks: a private key inside a YAML block scalar (`tls.key: |` and indented
//    lines) or any other indentation, with the indentation taken off each line;
//  - decoded segments: runs of base64, hex or percent-encoding whose decoded bytes read as text.
// Each knows where it came from, so a finding inside it is reported at the encoded location.
// Cost is bounded: one table-driven pass over the text to find candidates, and at most `budget`
// decoded bytes per call.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace custody::secrets {

struct DerivedText {
  std::string text;
  std::string how;         // "indented", "base64", "hex", "percent"
  size_t origin_start = 0; // the segment of the parent text it came from
  size_t origin_end = 0;
  std::vector<std::pair<size_t, size_t>> lines; // "indented": (derived, parent) line starts

  // Where a byte of `text` is in the parent: its own line for "indented", else the segment start.
  size_t to_parent(size_t derived_offset) const;
};

// PEM blocks whose "-----BEGIN" line is indented (or whose base64 lines are), de-indented.
std::vector<DerivedText> indented_pem_blocks(std::string_view text);

// Encoded runs that decode to mostly printable text: base64 (standard or URL alphabet, 16+
// characters), hex (32+ digits) and percent-encoding (two or more %XX). At most `budget` bytes
// of decoded text in all.
std::vector<DerivedText> decoded_segments(std::string_view text, size_t budget);

} // namespace custody::secrets
