#pragma once
// The per-installation key that fingerprints are an HMAC with (redaction.hpp). Generated on
// first use: 32 random bytes, stored as 64 hex digits in a file only its owner may read (0600).
// A key readable by group or others is refused: with it, the ledger's fingerprints become
// testable offline again.
#include "secrets/secrets_config.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <string>

namespace custody::secrets {

// [secrets].fingerprint_key when set, else <git_dir>/custody/fingerprint.key (beside the
// ledger). Empty when neither is known (a scan outside any repository).
std::filesystem::path fingerprint_key_path(const SecretsConfig& config,
                                           const std::filesystem::path& git_dir);

// The key's 32 bytes, creating the file (and its directory, 0700) when missing. Two processes
// creating it at once agree: each writes a private temporary file and links it into place, and
// the loser reads the winner's key.
Result<std::string> load_or_create_fingerprint_key(const std::filesystem::path& path);

} // namespace custody::secrets
