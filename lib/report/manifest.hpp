#pragma once
// The evidence bundle's MANIFEST: "<sha256>  <path>" for every file, in path order (the format
// `sha256sum -c MANIFEST` reads), optionally signed with an Ed25519 key (MANIFEST.sig), and
// checked later by `custody evidence verify`.
#include "util/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace custody::report {

// SHA-256 (hex) of a file, read in blocks.
Result<std::string> file_sha256(const std::filesystem::path& file);

// Writes DIR/MANIFEST over every regular file under DIR (but MANIFEST and MANIFEST.sig). With
// `signing_key`, also writes keys/manifest-signing.pub first (so it is listed) and, after the
// MANIFEST, MANIFEST.sig: {"algorithm":"Ed25519","key_id":..,"signature":<base64 over the
// MANIFEST's bytes>}.
Status write_manifest(const std::filesystem::path& dir,
                      const std::optional<std::filesystem::path>& signing_key);

struct ManifestCheck {
  size_t files = 0;                  // files listed and checked
  std::vector<std::string> problems; // one line each, naming the file
  std::string signed_by;             // key id when MANIFEST.sig verified
  bool signature_present = false;
};

// Checks every listed file's digest, that no file is missing or unlisted, and MANIFEST.sig when
// present: against `public_key` when given, else keys/manifest-signing.pub from the bundle
// (which proves integrity, not origin: compare the key id with the one you trust).
Result<ManifestCheck> verify_manifest(const std::filesystem::path& dir,
                                      const std::optional<std::filesystem::path>& public_key);

} // namespace custody::report
