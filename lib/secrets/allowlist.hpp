#pragma once
// An allowlist says "this finding is not a secret" (or is accepted). The same shape serves a
// rule's own allowlists, the site's server-side allowlist in [secrets] and gitleaks
// `[allowlist]`/`[[allowlists]]` tables, so imported configs keep their meaning.
#include "util/glob.hpp"
#include "util/regex.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace custody::secrets {

// What an allowlist regex is matched against (gitleaks' regexTarget).
enum class RegexTarget { secret, match, line };
// How the criteria combine (gitleaks' condition): any one of them, or all that are present.
enum class Condition { any, all };

struct FindingContext {
  std::string_view rule_id;
  std::string_view secret;
  std::string_view match;
  std::string_view line;
  std::string_view path;
  std::string_view commit; // empty when unknown (engine scans content, not commits)
  std::string_view fingerprint;
};

struct Allowlist {
  std::string description;
  Condition condition = Condition::any;
  RegexTarget target = RegexTarget::secret;
  std::vector<util::Glob> paths;         // path globs
  std::vector<util::Regex> path_regexes; // gitleaks path regexes
  std::vector<util::Regex> regexes;
  std::vector<std::string> stopwords; // lower-case; a secret containing one is allowed
  std::set<std::string> commits;
  std::set<std::string> fingerprints;

  bool empty() const;
  // True if the allowlist allows this finding. With Condition::all every criterion present must
  // match; criteria that need data the context lacks (a commit) do not match.
  bool allows(const FindingContext& f) const;
  // True if the path criteria alone already allow everything in `path` (Condition::any, or
  // paths being the only criterion), so a blob can be skipped before scanning.
  bool allows_whole_path(std::string_view path) const;
};

} // namespace custody::secrets
