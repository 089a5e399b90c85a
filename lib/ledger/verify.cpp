// ledger::verify: snapshot the segment files under a shared lock, then stream each through the
// ChainChecker in chain order (closed segments by number, then the live one).
#include "ledger/verify.hpp"

#include "ledger/chain_checker.hpp"
#include "ledger/continuity.hpp"
#include "ledger/head_file.hpp"
#include "ledger/snapshot.hpp"

#include <fmt/format.h>

namespace custody::ledger {

namespace {

// Compares the chain verified with the head file, reporting a gap as the report's error.
Status check_head_file(const VerifyOptions& options, VerifyReport& report) {
  if (options.head_file.empty() || report.error)
    return ok_status();
  auto recorded = read_head_file(options.head_file);
  if (!recorded)
    return recorded.error();
  if (!*recorded)
    return ok_status();
  auto gap = find_gap(options.path, **recorded, HeadMark{report.head_seq, report.head_hash});
  if (!gap)
    return gap.error();
  if (*gap) {
    Error e = gap_error(**gap, options.path, options.head_file);
    report.error = Finding{options.path.filename().string(), 0, e.message, e.hint};
  }
  return ok_status();
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
  auto segments = snapshot_segments(options.path);
  VerifyReport report;
  if (!segments && segments.error().code == ErrorCode::not_found && !options.head_file.empty()) {
    report.head_hash = k_zero_hash; // no record at all: does the head file expect some?
    CUSTODY_TRY(check_head_file(options, report));
    if (report.error)
      return report;
  }
  if (!segments)
    return segments.error();

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
    CUSTODY_TRY(for_each_line(seg, [&](const Line& line) {
      if (checker.failed())
        return false;
      checker.line(line);
      return true;
    }));
    checker.end_segment();
  }
  checker.finish();
  CUSTODY_TRY(check_head_file(options, report));
  return report;
}

} // namespace custody::ledger
