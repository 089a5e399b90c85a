#pragma once
// Verifying the whole chain, every segment in order, streaming: memory is bounded by the longest
// record, time is one SHA-256 pass over the bytes plus a syntax check per line.
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace custody::ledger {

// One problem, located: "ledger.000002.jsonl:17: record seq 4711: ...".
struct Finding {
  std::string file;    // segment file name (no directory)
  uint64_t line = 0;   // 1-based line in that file; 0 when the finding is about a whole file
  std::string message; // one line, names the seq where there is one
  std::string hint;    // one line: what to do
};
std::string format_finding(const Finding& finding);

struct Witness {
  uint64_t seq = 0;
  std::string hash;
};

struct VerifyOptions {
  std::filesystem::path path;                      // the live segment
  std::optional<std::filesystem::path> public_key; // check checkpoint signatures with this key
  std::optional<Witness> witness;                  // a head recorded earlier by `custody log head`
  std::filesystem::path head_file;                 // the ledger's head file; empty: none
};

struct VerifyReport {
  uint64_t records = 0; // records in the chain (decisions, recoveries, checkpoints, ...)
  uint64_t segments = 0;
  uint64_t checkpoints = 0;
  uint64_t signatures_checked = 0;
  uint64_t head_seq = 0;
  std::string head_hash;
  std::vector<Finding> warnings; // torn tails: at most k_max_warnings kept
  uint64_t warning_count = 0;
  std::optional<Finding> error; // the first damage found; verification stops there

  static constexpr size_t k_max_warnings = 100;
};

// Errors only when the ledger cannot be read at all (missing, unreadable); damage is reported
// in VerifyReport::error. A missing ledger whose head file records a head is damage (a gap).
Result<VerifyReport> verify(const VerifyOptions& options);

} // namespace custody::ledger
