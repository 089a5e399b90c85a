#pragma once
// The collector's side of shipping (docs/estate.md): records received from many nodes (through
// rsyslog, at least once, in any order) are turned back into one file per chain, and each chain
// is verified on its own. A chain is identified by the repository (`repo_id`) and the node that
// started it (`chain`, the writing `node` unless it continued another node's chain).
#include "util/result.hpp"

#include <compare>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace custody::ledger {

struct ChainKey {
  std::string repo_id;
  std::string chain;
  auto operator<=>(const ChainKey&) const = default;
};

// OUT/<repo_id, %-encoded>/chain.<chain>.jsonl: the chain's records in seq order.
std::filesystem::path chain_file(const std::filesystem::path& out, const ChainKey& key);

struct ImportStats {
  uint64_t lines = 0;       // lines read
  uint64_t added = 0;       // records new to the collected copy
  uint64_t duplicates = 0;  // redeliveries: (repo, chain, seq) already held with the same bytes
  uint64_t not_records = 0; // lines that hold no ledger record (other syslog traffic)
  uint64_t unplaced = 0;    // new records without node and repo_id (written by older custody)
  std::vector<std::string> damaged;   // hash does not match the content (altered or cut)
  std::vector<std::string> conflicts; // same (repo, chain, seq), other bytes: tampering
  uint64_t chains = 0;                // chains in the collected copy
  uint64_t chains_written = 0;        // chain files (re)written by this import
};

// Reads every line of `inputs` (files; directories are walked, files in sorted order) and adds
// the records to the collected copy in `out`, dropping exact duplicates. Rewrites only the files
// of chains that gained records (atomically), so importing the same stream twice changes
// nothing. Per repository, `merged.jsonl` holds all its chains' records ordered by time, node
// and seq: a view; each line still carries its own hash.
Result<ImportStats> import_records(const std::vector<std::filesystem::path>& inputs,
                                   const std::filesystem::path& out);

struct ChainReport {
  ChainKey key;
  std::filesystem::path file;
  uint64_t records = 0;
  uint64_t last_seq = 0;
  std::string head_hash;
  std::vector<std::pair<uint64_t, uint64_t>> gaps; // missing seqs, first..last
  std::optional<std::string> error;                // damage: the first bad record
};

// Verifies every chain of a collected copy on its own: each record's hash, seq order, and each
// prev against the record before when that record is present; missing seqs are gaps.
Result<std::vector<ChainReport>> verify_collected(const std::filesystem::path& dir);

// The last record (seq, hash) of `key`'s chain in the collected copy; nullopt when absent.
std::optional<std::pair<uint64_t, std::string>> collected_head(const std::filesystem::path& dir,
                                                               const ChainKey& key);

} // namespace custody::ledger
