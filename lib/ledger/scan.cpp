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
  for (auto& seg : *segments) {
    std::string name = seg.file.path.filename().string();
    LineReader reader(seg.fd.get(), seg.size, seg.file.path.string());
    Line line;
    for (;;) {
      auto more = reader.next(line);
      if (!more)
        return more.error();
      if (!*more)
        break;
      auto frame = parse_frame(line.text);
      if (!line.terminated || !frame)
        continue;
      if (!fn(RecordRef{name, line.number, frame->seq, frame->hash, frame->prev, line.text}))
        return ok_status();
    }
  }
  return ok_status();
}

} // namespace custody::ledger
