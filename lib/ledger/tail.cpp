#include "ledger/tail.hpp"

#include "ledger/line_reader.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace custody::ledger {

namespace {

Status pread_all(int fd, char* out, size_t size, uint64_t offset, const std::string& name) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fd, out + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return make_error(ErrorCode::io_failure,
                        fmt::format("cannot read {}: {}", name,
                                    n == 0 ? "unexpected end of file" : std::strerror(errno)));
    done += static_cast<size_t>(n);
  }
  return ok_status();
}

} // namespace

Result<Tail> read_tail(int fd, const std::string& name) {
  struct stat st {};
  if (::fstat(fd, &st) != 0)
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot stat {}: {}", name, std::strerror(errno)));
  Tail tail;
  tail.size = static_cast<uint64_t>(st.st_size);
  if (tail.size == 0)
    return tail;

  // Grow a window backwards from the end until it holds the last two '\n' (or the file start).
  constexpr uint64_t k_chunk = 64 * 1024;
  std::string window; // bytes [start, size)
  uint64_t start = tail.size;
  std::optional<uint64_t> last_nl; // absolute offsets
  std::optional<uint64_t> before_nl;
  while (start > 0 && !before_nl) {
    uint64_t from = start > k_chunk ? start - k_chunk : 0;
    std::string chunk(start - from, '\0');
    CUSTODY_TRY(pread_all(fd, chunk.data(), chunk.size(), from, name));
    for (uint64_t i = chunk.size(); i-- > 0;) {
      if (chunk[i] != '\n')
        continue;
      if (!last_nl) {
        last_nl = from + i;
      } else {
        before_nl = from + i;
        break;
      }
    }
    window.insert(0, chunk);
    start = from;
    if (window.size() > LineReader::k_max_line + k_chunk)
      return make_error(ErrorCode::invalid_input,
                        fmt::format("{}: the last record is longer than {} MiB", name,
                                    LineReader::k_max_line >> 20),
                        "run `custody log verify` to locate the damage");
  }
  if (!last_nl) {
    tail.complete_size = 0; // no complete line at all: everything is torn
    return tail;
  }
  tail.complete_size = *last_nl + 1;
  uint64_t line_start = before_nl ? *before_nl + 1 : 0;
  tail.last_line_offset = line_start;
  tail.last_line = window.substr(line_start - start, *last_nl - line_start);
  return tail;
}

} // namespace custody::ledger
