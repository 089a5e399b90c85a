#pragma once
// The head file: the ledger's last (seq, hash) kept outside the ledger's directory, rewritten
// atomically under the ledger lock after every append. A ledger that ends before the head it
// records was deleted or truncated; appends refuse to start a new chain until an administrator
// records the gap (`custody log verify --accept-gap`). Threat model: docs/ledger.md.
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace custody::ledger {

struct HeadMark {
  uint64_t seq = 0;
  std::string hash;
};

// nullopt when the file does not exist; an error when it exists but cannot be read or parsed.
Result<std::optional<HeadMark>> read_head_file(const std::filesystem::path& path);

// Replaces the file atomically (temporary file, fsync, rename, fsync of the directory).
Status write_head_file(const std::filesystem::path& path, const HeadMark& head);

// "seq 12 (hash 9f86d081e2a4)": how messages name a head.
std::string describe_head(uint64_t seq, const std::string& hash);

} // namespace custody::ledger
