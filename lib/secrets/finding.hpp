#pragma once
// One secret found in one blob (or one commit message, tag message or path). Holds only the
// redacted form and the fingerprint: the secret itself never leaves the engine, so no message,
// ledger record or report can leak it.
#include "secrets/tier.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace custody::secrets {

// What the scanned text was: a blob's content, or pushed text that is not a blob.
enum class Location { blob, commit_message, tag_message, path };

std::string_view location_name(Location l); // "blob", "commit-message", "tag-message", "path"

struct Finding;
// Where a finding in the blob at `path` is: `path`, or "path!inner/path" inside an archive.
std::string finding_path(std::string_view path, const Finding& f);

struct Finding {
  std::string rule;        // rule id (violations prefix it with "secrets.")
  std::string description; // the rule's description
  std::string control;     // SOC 2 control
  int line = 0;            // 1-based line of the secret's first character
  int column = 0;          // 1-based byte column
  size_t offset = 0;       // byte offset of the secret in the blob
  size_t length = 0;       // the secret's length in bytes
  bool generic = false;    // found by a context rule (password = "..."), not a known format
  Tier tier = Tier::block; // the rule's tier after the site's [secrets].tiers overrides
  Location location = Location::blob;
  // A `custody:allow` / `gitleaks:allow` marker on the line would silence it. The engine still
  // returns it so the push check can record the bypass, refuse it for agents, or ignore markers.
  bool silenced_by_marker = false;
  std::string decoded; // "" or how the secret was encoded, outermost first: "base64", "hex+base64"
  // "" or where inside an archive blob the secret is: "config/app.yml", nested archives joined by
  // '!' ("lib/inner.jar!application.properties"). Reported as "<path>!<inner_path>:<line>".
  std::string inner_path;
  std::string fingerprint; // "<rule>:<20 hex of HMAC-SHA256(key, secret)>": stable across rebase
  std::string redacted;    // e.g. "AKIA…": at most 4 leading characters, never the length
};

} // namespace custody::secrets
