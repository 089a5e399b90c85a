#pragma once
// Does the ledger on disk continue the head its head file recorded? Deleting or truncating the
// ledger (or replacing it with another chain) must never silently start a new chain.
#include "ledger/head_file.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <optional>

namespace custody::ledger {

struct Gap {
  HeadMark expected; // what the head file recorded
  HeadMark found;    // the ledger's last record on disk (seq 0: no record)
};

// A Gap when the ledger ends before `recorded`, or holds another record at its seq. A ledger
// ahead of the head file (a crash between the ledger's fsync and the head file's rename) is
// continuous only if it still holds `recorded`. Reads the segments without locking: the caller
// holds the ledger lock.
Result<std::optional<Gap>> find_gap(const std::filesystem::path& ledger, const HeadMark& recorded,
                                    const HeadMark& found);

// The one-line refusal for a gap, with the hint naming the administrator's command.
Error gap_error(const Gap& gap, const std::filesystem::path& ledger,
                const std::filesystem::path& head_file);

} // namespace custody::ledger
