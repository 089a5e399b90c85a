#pragma once
// The [ledger] configuration: where decisions are recorded, rotation and signing.
#include <cstdint>
#include <string>

namespace custody::ledger {

struct LedgerConfig {
  std::string path;          // relative to GIT_DIR unless absolute
  uint64_t rotate_bytes = 0; // 0: never rotate
  std::string signing_key;   // Ed25519 private key (PEM) path; empty: unsigned
  std::string head_file;     // where the head is kept outside the ledger; empty: the default
};

} // namespace custody::ledger
