#pragma once
// A consistent view of every segment: opened, and their sizes taken, while writers are held off
// by a shared lock. Readers (verify, report, sample, tail) then stream them without the lock;
// appends made afterwards are simply not part of the view.
#include "ledger/line_reader.hpp"
#include "ledger/segments.hpp"
#include "ledger/unique_fd.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <vector>

namespace custody::ledger {

struct OpenSegment {
  SegmentFile file;
  UniqueFd fd;
  uint64_t size = 0;
  bool live = false;
};

// Closed segments by number, then the live one (number = closed count + 1). A missing live
// segment is fine when closed ones exist (a crash right after a rotation); no segment at all is
// ErrorCode::not_found.
Result<std::vector<OpenSegment>> snapshot_segments(const std::filesystem::path& live);

// Calls `fn(const Line&)` with each line of the segment's snapshot, in order, until it returns
// false. A template, not std::function: `log verify` calls it once per record (3% of its time).
template <typename Fn> Status for_each_line(const OpenSegment& segment, Fn&& fn) {
  LineReader reader(segment.fd.get(), segment.size, segment.file.path.string());
  Line line;
  for (;;) {
    auto more = reader.next(line);
    if (!more)
      return more.error();
    if (!*more || !fn(static_cast<const Line&>(line)))
      return ok_status();
  }
}

} // namespace custody::ledger
