#pragma once
// GitLab's push rules (and GitHub's push rulesets) as the rules of one ruleset: what the commits,
// branch names and files a targeted ref gains must look like. Every key lives in a ruleset's
// `rules` table (docs/config.md, "Push rules"); patterns are compiled when the configuration
// loads, so a bad one is a configuration error at its file and line.
#include "util/glob.hpp"
#include "util/regex.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace custody::pushrules {

struct PushRules {
  std::optional<util::Regex> message_pattern;           // every new commit's message must match
  std::optional<util::Regex> message_forbidden_pattern; // ... and must not match this
  std::optional<util::Regex> branch_name_pattern;       // a new branch's name (after refs/heads/)
  std::optional<util::Regex> author_email_pattern;      // every new commit's author email
  std::vector<util::Glob> prohibited_paths;             // files a new commit may not add
  std::optional<uint64_t> max_file_bytes;               // new blobs; Git LFS pointers exempt
  bool dco = false; // a `Signed-off-by:` trailer naming the author (merges exempt)

  bool commit_rules() const {
    return message_pattern || message_forbidden_pattern || author_email_pattern || dco;
  }
  bool file_rules() const { return !prohibited_paths.empty() || max_file_bytes.has_value(); }
  bool any() const { return commit_rules() || file_rules() || branch_name_pattern.has_value(); }
};

} // namespace custody::pushrules
