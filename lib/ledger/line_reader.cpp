#include "ledger/line_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace custody::ledger {

LineReader::LineReader(int fd, uint64_t limit, std::string name)
    : m_fd(fd), m_remaining(limit), m_name(std::move(name)),
      // No bigger than the data (a 1 MiB buffer is 256 pages to fault in for a short file).
      m_buffer(std::clamp<uint64_t>(limit, 4096, 1u << 20), '\0') {}

Status LineReader::fill() {
  if (m_begin > 0) {
    std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
    m_end -= m_begin;
    m_begin = 0;
  }
  if (m_end == m_buffer.size()) {
    if (m_buffer.size() >= k_max_line)
      return make_error(
          ErrorCode::invalid_input,
          fmt::format("{}: line {} is longer than {} MiB", m_name, m_number + 1, k_max_line >> 20),
          "a ledger record is never that long: the file is damaged");
    m_buffer.resize(m_buffer.size() * 2);
  }
  while (m_remaining > 0) {
    size_t want = std::min<uint64_t>(m_buffer.size() - m_end, m_remaining);
    ssize_t n = ::read(m_fd, m_buffer.data() + m_end, want);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return make_error(ErrorCode::io_failure,
                        fmt::format("cannot read {}: {}", m_name, std::strerror(errno)));
    if (n == 0)
      break;
    m_end += static_cast<size_t>(n);
    m_remaining -= static_cast<uint64_t>(n);
    return ok_status();
  }
  m_eof = true;
  return ok_status();
}

Result<bool> LineReader::next(Line& line) {
  size_t scanned = m_begin;
  for (;;) {
    const void* nl = std::memchr(m_buffer.data() + scanned, '\n', m_end - scanned);
    if (nl) {
      size_t pos = static_cast<size_t>(static_cast<const char*>(nl) - m_buffer.data());
      line.text = std::string_view(m_buffer.data() + m_begin, pos - m_begin);
      line.offset = m_offset;
      line.number = ++m_number;
      line.terminated = true;
      m_offset += pos + 1 - m_begin;
      m_begin = pos + 1;
      return true;
    }
    if (m_eof) {
      if (m_begin == m_end)
        return false;
      line.text = std::string_view(m_buffer.data() + m_begin, m_end - m_begin);
      line.offset = m_offset;
      line.number = ++m_number;
      line.terminated = false;
      m_offset += m_end - m_begin;
      m_begin = m_end;
      return true;
    }
    size_t pending = m_end - m_begin;
    CUSTODY_TRY(fill());
    scanned = m_begin + pending;
  }
}

} // namespace custody::ledger
