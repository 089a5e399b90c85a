#pragma once
// The newest end of the ledger: the head (for a witness) and the last N records (for tail).
// Both read only the live segment unless it has too few records.
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace custody::ledger {

struct Head {
  uint64_t seq = 0;
  std::string hash;
  std::string file; // segment file name holding it
};

// The last complete record; nullopt for a ledger without records. Found by reading backwards,
// so its cost does not grow with the ledger.
Result<std::optional<Head>> read_head(const std::filesystem::path& live);

// The last `n` well-framed lines, oldest first.
Result<std::vector<std::string>> last_records(const std::filesystem::path& live, size_t n);

} // namespace custody::ledger
