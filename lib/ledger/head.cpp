#include "ledger/head.hpp"

#include "ledger/line_reader.hpp"
#include "ledger/record_line.hpp"
#include "ledger/snapshot.hpp"
#include "ledger/tail.hpp"

#include <deque>

namespace custody::ledger {

Result<std::optional<Head>> read_head(const std::filesystem::path& live) {
  auto segments = snapshot_segments(live);
  if (!segments)
    return segments.error();
  for (auto it = segments->rbegin(); it != segments->rend(); ++it) {
    auto tail = read_tail(it->fd.get(), it->file.path.string());
    if (!tail)
      return tail.error();
    if (!tail->last_line)
      continue;
    auto frame = parse_frame(*tail->last_line);
    if (!frame)
      return make_error(ErrorCode::invalid_input,
                        it->file.path.string() + ": the last record is damaged",
                        "run `custody log verify` to locate the damage");
    return std::optional<Head>(
        Head{frame->seq, std::string(frame->hash), it->file.path.filename().string()});
  }
  return std::optional<Head>();
}

Result<std::vector<std::string>> last_records(const std::filesystem::path& live, size_t n) {
  auto segments = snapshot_segments(live);
  if (!segments)
    return segments.error();
  std::deque<std::string> result;
  for (auto it = segments->rbegin(); it != segments->rend() && result.size() < n; ++it) {
    std::deque<std::string> ring;
    CUSTODY_TRY(for_each_line(*it, [&](const Line& line) {
      if (line.terminated && parse_frame(line.text)) {
        ring.emplace_back(line.text);
        if (ring.size() > n - result.size())
          ring.pop_front();
      }
      return true;
    }));
    result.insert(result.begin(), ring.begin(), ring.end());
  }
  return std::vector<std::string>(result.begin(), result.end());
}

} // namespace custody::ledger
