#pragma once
// The decision ledger: an append-only, hash-chained JSON Lines file, the evidence an auditor
// samples. Format and guarantees: docs/ledger.md.
//
// Each line is one JSON object whose first keys are "seq" and "prev" and whose last key is
// "hash"; hash = SHA-256 (hex) of the line's bytes with `,"hash":"<hex>"` removed, so the
// chain can be checked on the raw bytes, and "prev" is the previous record's hash (64 zeros
// for the first record of the first segment).
#include "util/json.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace custody::ledger {

struct LedgerOptions {
  std::filesystem::path path;        // the current segment (absolute)
  uint64_t rotate_bytes = 0;         // 0: never rotate
  std::filesystem::path signing_key; // empty: records are not signed
  std::filesystem::path head_file;   // the head kept outside the ledger; empty: none
  // Where the records come from (ledger/origin.hpp), stamped on every record when `node` is
  // set: "node", "chain", "repo_id", "host_repo_id" and, after another node's record, "last_seen".
  std::string node;
  std::string repo_id;
  std::string host_repo_id; // the hosting layer's own id ("gitlab:project-42"); empty: none
};

struct Appended {
  uint64_t seq = 0;
  std::string hash;
};

// Appends the records in order under one exclusive lock: each body gets "seq" and "prev"
// prepended and "hash" appended; the bytes are written and fsync'd before this returns.
// An error means no record of this call may be considered written (the caller rejects the push).
// Creates the ledger's directory and file when missing. Bodies must not contain seq/prev/hash.
// With a head file, refuses (ErrorCode::invalid_input, nothing written) when the ledger does
// not continue the head recorded there: deleted, truncated or replaced (ledger/continuity.hpp).
Result<std::vector<Appended>> append(const LedgerOptions& options,
                                     const std::vector<util::Json>& bodies);

// The administrator's acknowledgement of such a gap: appends one "gap" record naming the head
// expected, the head found and `by`, and moves the head file on. Refuses when there is no gap.
Result<Appended> accept_gap(const LedgerOptions& options, const std::string& by);

} // namespace custody::ledger
