#include "ledger/snapshot.hpp"

#include "ledger/lock_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

namespace custody::ledger {

namespace {

Result<OpenSegment> open_segment(SegmentFile file, bool live) {
  OpenSegment seg;
  seg.file = std::move(file);
  seg.live = live;
  seg.fd = UniqueFd(::open(seg.file.path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!seg.fd.valid())
    return make_error(
        errno == ENOENT ? ErrorCode::not_found : ErrorCode::io_failure,
        fmt::format("cannot open {}: {}", seg.file.path.string(), std::strerror(errno)));
  struct stat st {};
  if (::fstat(seg.fd.get(), &st) != 0)
    return make_error(
        ErrorCode::io_failure,
        fmt::format("cannot stat {}: {}", seg.file.path.string(), std::strerror(errno)));
  seg.size = static_cast<uint64_t>(st.st_size);
  ::posix_fadvise(seg.fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
  return seg;
}

} // namespace

Result<std::vector<OpenSegment>> snapshot_segments(const std::filesystem::path& path) {
  auto lock = acquire_lock(path, LockMode::shared);
  if (!lock)
    return lock.error();
  auto closed = list_closed_segments(path);
  if (!closed)
    return closed.error();
  std::vector<OpenSegment> segments;
  for (auto& file : *closed) {
    auto seg = open_segment(file, false);
    if (!seg)
      return seg.error();
    segments.push_back(std::move(*seg));
  }
  auto live = open_segment(SegmentFile{segments.size() + 1, path}, true);
  if (live) {
    segments.push_back(std::move(*live));
  } else if (live.error().code != ErrorCode::not_found || segments.empty()) {
    return make_error(live.error().code, live.error().message,
                      "pass --ledger PATH, or --repo PATH for the repository whose ledger to read");
  }
  return segments;
}

} // namespace custody::ledger
