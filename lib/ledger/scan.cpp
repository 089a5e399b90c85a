#include "ledger/scan.hpp"

#include "ledger/line_reader.hpp"
#include "ledger/record_line.hpp"
#include "ledger/snapshot.hpp"

namespace custody::ledger {

Status scan_records(const std::filesystem::path& live,
                    const std::function<bool(const RecordRef&)>& fn) {
  auto segments = snapshot_segments(live);
  if (!segments)
    return segments.error();
  bool stopped = false;
  for (auto& seg : *segments) {
    std::string name = seg.file.path.filename().string();
    CUSTODY_TRY(for_each_line(seg, [&](const Line& line) {
      auto frame = parse_frame(line.text);
      if (line.terminated && frame)
        stopped =
            !fn(RecordRef{name, line.number, frame->seq, frame->hash, frame->prev, line.text});
      return !stopped;
    }));
    if (stopped)
      break;
  }
  return ok_status();
}

} // namespace custody::ledger
