#pragma once
// SHA-256 of a ledger line minus its hash member, with one reusable digest context: creating a
// context per line would cost more than hashing a typical record.
#include "util/sha256.hpp"

#include <string>
#include <string_view>

namespace custody::ledger {

class LineHasher {
public:
  // SHA-256 hex of line[0, size - k_hash_suffix_size) + "}".
  std::string hash_without_suffix(std::string_view line);
  // Writes the same digest as hex into `out` (64 chars); avoids an allocation per line.
  void hash_without_suffix(std::string_view line, char* out);

private:
  util::Sha256 m_sha;
};

} // namespace custody::ledger
