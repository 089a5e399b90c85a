#pragma once
// Streaming every record of the ledger in chain order, for reports and samples: the line's
// position (segment file, line, seq, hash, prev) comes with it, because that is what proves to an
// auditor that a record is in the chain. Lines outside the frame (torn bytes) are skipped here;
// `custody log verify` is what judges them.
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace custody::ledger {

struct RecordRef {
  std::string_view file; // segment file name
  uint64_t line = 0;
  uint64_t seq = 0;
  std::string_view hash;
  std::string_view prev;
  std::string_view text; // the whole line
};

// Calls `fn` for each record; stops early (without error) when `fn` returns false.
Status scan_records(const std::filesystem::path& live,
                    const std::function<bool(const RecordRef&)>& fn);

} // namespace custody::ledger
