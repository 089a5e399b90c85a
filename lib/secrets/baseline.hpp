#pragma once
// Adoption (issue 12): a repository with secrets already in its history can turn the gate on
// without rewriting it.
//  - A baseline file, written by `custody scan --all --baseline-out FILE`: one finding per line,
//    its fingerprint first ("<rule>:<20 hex>  <path>  <commit>"); `#` starts a comment. Read by
//    `custody scan --baseline FILE` and [secrets].baseline: its fingerprints are accepted, like
//    allow_fingerprints. Fingerprints are keyed (fingerprint_key.hpp): a baseline is valid with
//    the key it was written under.
//  - gitleaks' `.gitleaksignore`: one finding per line, "commit:path:rule:line" (that commit
//    only) or "path:rule:line" (any commit), as gitleaks writes its fingerprints.
#include "secrets/scan_report.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace custody::secrets {

std::string baseline_text(const std::vector<LocatedFinding>& findings);
std::set<std::string> parse_baseline(std::string_view text);
Result<std::set<std::string>> read_baseline(const std::filesystem::path& path);

class GitleaksIgnore {
public:
  static GitleaksIgnore parse(std::string_view text);
  bool ignores(const LocatedFinding& f) const;
  size_t size() const { return m_entries.size(); }

private:
  std::set<std::string> m_entries; // as written: with or without the commit
};

} // namespace custody::secrets
