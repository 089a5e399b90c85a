#pragma once
// `custody scan` of whole histories in bounded memory and on every core (issue 12): one thread
// walks the trees (git::for_each_reachable_blob) and hands blobs through a bounded queue to
// workers, each with its own libgit2 repository handle, so inflation runs in parallel instead of
// under one lock. Nothing is kept per blob except what `sink` keeps: peak memory is the walk's
// sets of seen ids, the queue and the findings, whatever the repository's size.
#include "git/repo.hpp"
#include "secrets/blob_scan.hpp"
#include "secrets/engine.hpp"
#include "secrets/new_blobs.hpp"

#include <functional>
#include <string>
#include <vector>

namespace custody::secrets {

struct StreamStats {
  uint64_t blobs = 0;
  uint64_t bytes_scanned = 0;
};

// Called, under a lock, once per blob with its result (in no particular order).
using ScannedBlobSink = std::function<void(const NewBlob&, ScannedBlob&&)>;

// Scans every blob reachable from `tips` (commit ids). `threads` workers (0: one per core).
Result<StreamStats> scan_reachable_streaming(const git::Repo& repo, const Engine& engine,
                                             const std::vector<std::string>& tips,
                                             uint64_t max_blob_bytes, const ScannedBlobSink& sink,
                                             unsigned threads = 0);

} // namespace custody::secrets
