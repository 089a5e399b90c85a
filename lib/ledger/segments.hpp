#pragma once
// Segment files. The live segment keeps the configured name (ledger.jsonl); rotation renames it
// to a numbered one (ledger.000001.jsonl, ledger.000002.jsonl, ...), oldest first, so shippers
// and auditors see closed files that never change again.
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace custody::ledger {

struct SegmentFile {
  uint64_t number = 0; // 1-based position in the chain
  std::filesystem::path path;
};

// `current` with its number inserted before the extension: ledger.jsonl, 3 → ledger.000003.jsonl.
std::filesystem::path segment_path(const std::filesystem::path& current, uint64_t number);

// The closed segments beside `current`, by number. A missing directory yields none.
Result<std::vector<SegmentFile>> list_closed_segments(const std::filesystem::path& current);

} // namespace custody::ledger
