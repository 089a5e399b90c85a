#pragma once
// The lock beside the ledger (ledger.jsonl.lock). Writers hold it exclusively for the whole
// read-tail / write / fsync sequence, so concurrent hooks append one after the other; verify
// holds it shared only while it snapshots the segment sizes. flock() locks are released by the
// kernel when a holder dies, so a killed hook never wedges the ledger.
#include "ledger/unique_fd.hpp"
#include "util/result.hpp"

#include <filesystem>

namespace custody::ledger {

std::filesystem::path lock_path(const std::filesystem::path& ledger);

enum class LockMode { exclusive, shared };

// Opens (creating with mode 0640 for exclusive locks) and locks the lock file, blocking until it
// is granted. A shared lock on a read-only copy without a lock file returns an invalid fd.
Result<UniqueFd> acquire_lock(const std::filesystem::path& ledger, LockMode mode);

} // namespace custody::ledger
