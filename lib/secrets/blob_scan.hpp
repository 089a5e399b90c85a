#pragma once
// Scanning a list of blobs on all cores: shared by the push check and `custody scan`. Blobs are
// read one at a time (libgit2's repository is not shared between threads for reading) and
// scanned in parallel; binary (NUL in the first 8000 bytes) and oversize blobs are not scanned
// and say why. Past the deadline the remaining blobs are marked not scanned.
#include "git/repo.hpp"
#include "secrets/archive_scan.hpp"
#include "secrets/engine.hpp"
#include "secrets/new_blobs.hpp"
#include "secrets/secrets_config.hpp"

#include <optional>
#include <string>
#include <vector>

namespace custody::secrets {

// regex_limit: scanned, but some rule's regex hit PCRE2's match or depth limit on it (crafted
// text can do that on purpose), so that rule did not fully scan it; findings are still kept.
enum class BlobStatus { scanned, binary, oversize, unreadable, not_scanned, regex_limit };

std::string_view blob_status_name(BlobStatus s);

struct ScannedBlob {
  BlobStatus status = BlobStatus::not_scanned;
  uint64_t size = 0;
  std::vector<Finding> findings;
  std::vector<std::string> limited_rules; // rules whose regex hit the PCRE2 limits on this blob
  std::vector<ArchiveSkip> archive_skips; // an archive's members not (fully) scanned, and why
};

// The refusal a blob that was not fully scanned earns under `config` (binary = "reject",
// oversize = "reject", on_regex_limit = "reject"), or nothing.
struct UnscannedRefusal {
  std::string rule; // "secrets.binary_blob", "secrets.oversize_blob", "secrets.regex_limit"
  std::string message;
  std::string hint;
};
std::optional<UnscannedRefusal> refusal_for(const ScannedBlob& blob, const SecretsConfig& config);
// The same for a member of an archive blob at `path`: too deep or too big follows `oversize`,
// corrupt or encrypted follows `binary`.
std::optional<UnscannedRefusal> refusal_for(const ArchiveSkip& skip, std::string_view path,
                                            const SecretsConfig& config);

// Scans one blob as read (or not: oversize, unreadable): by name, then its content.
ScannedBlob scan_one_blob(const Engine& engine, const NewBlob& where, Result<git::Repo::Blob> blob,
                          Deadline deadline);

struct BlobScanReport {
  std::vector<ScannedBlob> blobs; // parallel to the input
  uint64_t bytes_scanned = 0;
  bool timed_out = false;
};

BlobScanReport scan_blobs(const git::Repo& repo, const Engine& engine,
                          const std::vector<NewBlob>& blobs, uint64_t max_blob_bytes,
                          Deadline deadline, unsigned threads = 0);

} // namespace custody::secrets
