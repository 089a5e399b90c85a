// ledger::verify: snapshot the segment files under a shared lock, then stream each through the
// ChainChecker in chain order (closed segments by number, then the live one).
#include "ledger/verify.hpp"

#include "ledger/chain_checker.hpp"
#include "ledger/lock_file.hpp"
#include "ledger/segments.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

namespace custody::ledger {

namespace {

struct OpenSegment {
  SegmentFile file;
  UniqueFd fd;
  uint64_t size = 0;
  bool live = false;
};

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

// Opens every segment while writers are held off, so the sizes form one consistent snapshot;
// appends made after that are simply not part of this verification.
Result<std::vector<OpenSegment>> snapshot(const std::filesystem::path& path) {
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
                      "pass --ledger PATH, or run inside the repository whose ledger to verify");
  }
  return segments;
}

} // namespace

Result<VerifyReport> verify(const VerifyOptions& options) {
  std::optional<Ed25519Key> key;
  if (options.public_key) {
    auto loaded = Ed25519Key::load_public(*options.public_key);
    if (!loaded)
      return loaded.error();
    key = std::move(*loaded);
  }
  auto segments = snapshot(options.path);
  if (!segments)
    return segments.error();

  VerifyReport report;
  ChainChecker checker(report, key ? &*key : nullptr, options.witness);
  for (size_t i = 0; i < segments->size() && !checker.failed(); ++i) {
    OpenSegment& seg = (*segments)[i];
    uint64_t expected_number = i + 1;
    std::string name = seg.file.path.filename().string();
    if (!seg.live && seg.file.number != expected_number) {
      report.error = Finding{
          segment_path(options.path, expected_number).filename().string(), 0,
          fmt::format("segment {} is missing (the next file present is {})", expected_number, name),
          "restore the missing segment file; the chain cannot be proven without it"};
      break;
    }
    checker.begin_segment(name, expected_number, seg.live);
    LineReader reader(seg.fd.get(), seg.size, seg.file.path.string());
    Line line;
    for (;;) {
      auto more = reader.next(line);
      if (!more)
        return more.error();
      if (!*more || checker.failed())
        break;
      checker.line(line);
    }
    checker.end_segment();
  }
  checker.finish();
  return report;
}

} // namespace custody::ledger
