#pragma once
// Streams the lines of a file through one buffer: memory stays bounded by the longest line,
// whatever the ledger's size. Used by verify, report, sample and tail.
#include "util/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace custody::ledger {

struct Line {
  std::string_view text;  // without the '\n'; valid until the next call to next()
  uint64_t offset = 0;    // byte offset of the line's first byte in the file
  uint64_t number = 0;    // 1-based
  bool terminated = true; // false for final bytes that no '\n' ends (a torn tail)
};

class LineReader {
public:
  // Reads `fd` (not owned) from its current position up to `limit` bytes.
  LineReader(int fd, uint64_t limit, std::string name);

  // Stores the next line in `line`; false at the end of the data.
  Result<bool> next(Line& line);

  static constexpr size_t k_max_line = 64u << 20; // a record longer than this is damage

private:
  Status fill();

  int m_fd;
  uint64_t m_remaining;
  std::string m_name;
  std::string m_buffer;
  size_t m_begin = 0;    // first unconsumed byte
  size_t m_end = 0;      // one past the last valid byte
  uint64_t m_offset = 0; // file offset of m_buffer[m_begin]
  uint64_t m_number = 0;
  bool m_eof = false;
};

} // namespace custody::ledger
