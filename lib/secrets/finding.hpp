#pragma once
// One secret found in one blob. Holds only the redacted form and the fingerprint: the secret
// itself never leaves the engine, so no message, ledger record or report can leak it.
#include "secrets/tier.hpp"

#include <cstddef>
#include <string>

namespace custody::secrets {

struct Finding {
  std::string rule;        // rule id (violations prefix it with "secrets.")
  std::string description; // the rule's description
  std::string control;     // SOC 2 control
  int line = 0;            // 1-based line of the secret's first character
  int column = 0;          // 1-based byte column
  size_t offset = 0;       // byte offset of the secret in the blob
  size_t length = 0;       // the secret's length in bytes
  bool generic = false;    // found by a context rule (password = "..."), not a known format
  Tier tier = Tier::block; // the rule's tier after the site's [secrets].tiers overrides
  std::string fingerprint; // rule + SHA-256 of the secret: stable across rebase and squash
  std::string redacted;    // e.g. "AKIA…(20 chars)"
};

} // namespace custody::secrets
