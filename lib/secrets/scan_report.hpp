#pragma once
// The three output formats of `custody scan`: text (one line per finding, for people and grep),
// JSON (an array of findings, for scripts) and SARIF 2.1.0 (for code-scanning dashboards and
// auditors' tools). Built from Findings only, which hold the redacted form and the fingerprint:
// no format can print a secret in full.
#include "secrets/finding.hpp"
#include "util/json.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace custody::secrets {

struct LocatedFinding {
  Finding finding;
  std::string commit; // the commit the blob is reported under
  std::string path;
  std::string blob;
};

// `s` with control bytes escaped (\xNN): paths are attacker-controlled, and a finding stays on
// one line of a report or a baseline.
std::string printable(std::string_view s);

// "path:line:column: rule[ (warn)]: description: redacted (fingerprint F, commit C)\n" per
// finding; only warn-tier findings name their tier.
std::string text_report(const std::vector<LocatedFinding>& findings);

// [{rule, description, control, tier, commit, path, line, column, blob, fingerprint, redacted}]
util::Json json_report(const std::vector<LocatedFinding>& findings);

// One run whose driver lists the rules that have results (level "error" for block tier, "warning"
// for warn tier); each result carries the location, the commit (properties), and the
// fingerprint as a partialFingerprint so dashboards deduplicate it.
util::Json sarif_report(const std::vector<LocatedFinding>& findings, std::string_view tool_version);

// A repository path as a relative URI reference (RFC 3986: everything but unreserved characters
// and '/' percent-encoded), as SARIF's artifactLocation.uri requires.
std::string path_to_uri(std::string_view path);

} // namespace custody::secrets
