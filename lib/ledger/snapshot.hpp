#pragma once
// A consistent view of every segment: opened, and their sizes taken, while writers are held off
// by a shared lock. Readers (verify, report, sample, tail) then stream them without the lock;
// appends made afterwards are simply not part of the view.
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

} // namespace custody::ledger
