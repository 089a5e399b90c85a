#include "ledger/continuity.hpp"

#include "ledger/line_reader.hpp"
#include "ledger/record_line.hpp"
#include "ledger/segments.hpp"
#include "ledger/unique_fd.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>

namespace custody::ledger {

namespace fs = std::filesystem;

namespace {

// The hash of record `seq` in `file`; nullopt when the file does not hold it.
Result<std::optional<std::string>> hash_in(const fs::path& file, uint64_t seq) {
  UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat st {};
  if (!fd.valid() || ::fstat(fd.get(), &st) != 0)
    return std::optional<std::string>();
  LineReader reader(fd.get(), static_cast<uint64_t>(st.st_size), file.string());
  Line line;
  for (;;) {
    auto more = reader.next(line);
    if (!more)
      return more.error();
    if (!*more)
      return std::optional<std::string>();
    auto frame = line.terminated ? parse_frame(line.text) : std::nullopt;
    if (frame && frame->seq == seq)
      return std::optional<std::string>(std::string(frame->hash));
  }
}

// The hash of record `seq` in the live segment or, after a rotation, the newest closed one.
Result<std::optional<std::string>> hash_at(const fs::path& ledger, uint64_t seq) {
  auto found = hash_in(ledger, seq);
  if (!found || *found)
    return found;
  auto closed = list_closed_segments(ledger);
  if (!closed)
    return closed.error();
  if (closed->empty())
    return std::optional<std::string>();
  return hash_in(closed->back().path, seq);
}

} // namespace

Result<std::optional<Gap>> find_gap(const fs::path& ledger, const HeadMark& recorded,
                                    const HeadMark& found) {
  Gap gap{recorded, found};
  if (found.seq < recorded.seq)
    return std::optional<Gap>(gap);
  if (found.seq == recorded.seq)
    return found.hash == recorded.hash ? std::optional<Gap>() : std::optional<Gap>(gap);
  auto hash = hash_at(ledger, recorded.seq);
  if (!hash)
    return hash.error();
  if (*hash && **hash == recorded.hash)
    return std::optional<Gap>();
  return std::optional<Gap>(gap);
}

Error gap_error(const Gap& gap, const fs::path& ledger, const fs::path& head_file) {
  std::string what = gap.found.seq < gap.expected.seq
                         ? "records were deleted or truncated"
                         : "it holds another chain (history was rewritten)";
  return make_error(
      ErrorCode::invalid_input,
      fmt::format("the ledger {} ends at {}, but its head file {} records {}: {}; refusing to "
                  "start a new chain",
                  ledger.string(), describe_head(gap.found.seq, gap.found.hash), head_file.string(),
                  describe_head(gap.expected.seq, gap.expected.hash), what),
      "an administrator must restore the ledger from a backup, or record the gap with "
      "`custody log verify --accept-gap`");
}

} // namespace custody::ledger
