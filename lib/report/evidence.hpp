#pragma once
// custody evidence: one folder (and a .tar.gz of it) for the auditor, covering every ledger of
// an estate for a period. Layout and method: docs/evidence.md.
#include "report/estate.hpp"
#include "report/filter.hpp"
#include "report/summary.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace custody::report {

struct EvidenceOptions {
  std::vector<LedgerSource> ledgers;
  std::string scope; // how the ledgers were chosen, as given ("--root /srv/git")
  std::string from, to;
  Filter filter; // from/to
  std::filesystem::path out;
  std::string seed_text;
  uint64_t seed = 0;
  size_t sample_size = 25;
  std::optional<std::filesystem::path> manifest_key; // Ed25519 private key signing MANIFEST
  std::optional<std::filesystem::path> public_key;   // checks ledgers that configure no key
  bool reconstruct = false;
};

struct EvidenceResult {
  std::filesystem::path dir, archive;
  Counts totals;
  size_t ledgers = 0, damaged = 0, repositories = 0;
};

// Writes the bundle into `out` (which must not exist, or be an empty directory) and
// `out`.tar.gz beside it. A damaged ledger is reported in the bundle, not an error.
Result<EvidenceResult> write_evidence(const EvidenceOptions& options);

} // namespace custody::report
