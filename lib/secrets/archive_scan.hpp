#pragma once
// Secret scanning inside archive blobs: zip (and so jar, war, apk), gzip and tar (and tar.gz),
// read with libarchive (docs/secrets.md, "Archives"). Members are scanned with the same engine and
// findings carry the member's path (Finding::inner_path). Expansion is bounded: archives nested
// deeper than max_depth are not opened, and at most max_bytes are expanded per pushed blob, all
// nesting levels together, so a zip bomb costs at most max_bytes of memory and the time to
// inflate them. What could not be scanned is listed with its reason.
#include "secrets/engine.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace custody::secrets {

// binary: only listed when the site refuses binary blobs (EngineOptions::archive_list_binary).
enum class ArchiveSkipReason { too_deep, too_big, corrupt, encrypted, binary };

// "archive-too-deep", "archive-too-big", "archive-corrupt", "archive-encrypted", "archive-binary".
std::string_view archive_skip_name(ArchiveSkipReason r);

struct ArchiveSkip {
  std::string inner_path; // the member not (fully) scanned, nested levels joined by '!'; "" for
                          // the blob itself (corrupt from its first byte)
  ArchiveSkipReason reason = ArchiveSkipReason::corrupt;
  uint64_t size = 0; // bytes of it expanded before stopping, or its compressed size
};

struct ArchiveScan {
  std::vector<Finding> findings; // inner_path set on each
  std::vector<ArchiveSkip> skips;
  std::vector<std::string> limited_rules;
  uint64_t bytes = 0; // member bytes scanned
  bool timed_out = false;
};

// True if `content` starts like a zip, a gzip stream or a tar archive.
bool looks_like_archive(std::string_view content);

// Scans the members of the archive `content`, the blob at `path` (members are scanned as
// "<path>!<member>" for path filters and allowlists), under the engine's archive limits
// (EngineOptions::archive_max_depth, archive_max_bytes).
ArchiveScan scan_archive(const Engine& engine, std::string_view content, std::string_view path,
                         std::string_view commit, Deadline deadline);

} // namespace custody::secrets
