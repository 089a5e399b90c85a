#pragma once
// The [ledger] configuration: where decisions are recorded, rotation and signing.
#include <cstdint>
#include <string>

namespace custody::ledger {

struct LedgerConfig {
  std::string path;            // relative to GIT_DIR unless absolute
  uint64_t rotate_bytes = 0;   // 0: never rotate
  std::string signing_key;     // Ed25519 private key (PEM) path; empty: unsigned
  std::string head_file;       // where the head is kept outside the ledger; empty: the default
  std::string node;            // this node's id in every record; empty: kept in node_file
  std::string node_file;       // where a derived node id is kept; empty: the default
  std::string repository_root; // repository ids are paths relative to it; empty: derived
};

} // namespace custody::ledger
