#pragma once
// The [secrets] configuration: secret scanning of the blobs a push introduces (issue 4,
// docs/secrets.md). Every key is in config/default.toml with its default.
#include "secrets/secret_files.hpp"
#include "secrets/tier.hpp"
#include "util/glob.hpp"
#include "util/regex.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace custody::secrets {

enum class OnSkip { skip, reject }; // binary / oversize blobs: log as skipped, or refuse
enum class OnTimeout {
  reject,
  accept
}; // time budget exhausted: refuse, or accept as not fully scanned

struct SecretsConfig {
  bool enabled = true;
  // "builtin" (the embedded config/rules.toml) and/or rule files: custody format or gitleaks
  // TOML, detected by content. Relative paths are relative to the config file that named them.
  std::vector<std::string> rules = {"builtin"};
  std::vector<std::string> disabled_rules; // rule ids to drop
  // Per-rule tier overrides: { rule-id = "warn" } demotes, "block" promotes (docs/secrets.md).
  std::map<std::string, Tier, std::less<>> tiers;
  uint64_t max_blob_bytes = 10 * 1024 * 1024;
  OnSkip oversize = OnSkip::skip;
  OnSkip binary = OnSkip::skip;
  int64_t time_budget_ms = 20000;
  OnTimeout on_timeout = OnTimeout::reject;
  bool inline_allow = true; // honour "custody:allow" / "gitleaks:allow" lines
  bool allow_bypass = true; // humans may bypass with -o custody.bypass=<fingerprint>
  // Server-side allowlist.
  std::vector<util::Glob> allow_paths;
  std::vector<util::Regex> allow_regexes; // matched against the secret
  std::vector<std::string> stopwords;     // lower-case; a secret containing one is allowed
  std::vector<std::string> allow_fingerprints;
  // A rule whose regex hit PCRE2's match or depth limit left the blob not fully scanned: refuse
  // (default), or accept and record it.
  OnTimeout on_regex_limit = OnTimeout::reject;
  // The HMAC key of fingerprints; empty: <git_dir>/custody/fingerprint.key (fingerprint_key.hpp).
  std::string fingerprint_key;
  // Paths that are credentials by nature (secret_files.hpp); new files there are refused.
  std::vector<util::Glob> secret_files = default_secret_files();
  std::string baseline;     // a `custody scan --baseline-out` file: its fingerprints are accepted
  int max_decode_depth = 2; // base64/hex/percent layers decoded and rescanned (decode.hpp)
  // Archives (zip, jar, gzip, tar) opened and their members scanned (archive_scan.hpp): levels
  // of nesting (0: off, archives are binary blobs), and bytes expanded per blob.
  int archive_max_depth = 2;
  uint64_t archive_max_bytes = uint64_t{50} << 20;
};

} // namespace custody::secrets
