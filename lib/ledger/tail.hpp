#pragma once
// The end of a segment, found by reading backwards from its end: an append must cost the same
// on a 10-record ledger and on a 10-million-record one.
#include "util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace custody::ledger {

struct Tail {
  uint64_t size = 0;          // file size
  uint64_t complete_size = 0; // offset just past the last '\n' (== size when nothing is torn)
  std::optional<std::string> last_line; // the last '\n'-terminated line, without its '\n'
  uint64_t last_line_offset = 0;

  bool torn() const { return complete_size != size; }
};

// Reads the tail of the open file `fd` (position is not used; pread only).
Result<Tail> read_tail(int fd, const std::string& name);

} // namespace custody::ledger
