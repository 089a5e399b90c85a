#pragma once
// The [trailers] configuration: the trailer schema. Value types per key, the rules (condition →
// requirements), and the settings the AI-review evidence rules share. Built by
// apply_trailers_section (config_section.cpp) from TOML; every regex is compiled there, so a bad
// pattern is a config error with file:line:col. docs/trailers.md documents every key.
#include "schema/assurance.hpp"
#include "util/glob.hpp"
#include "util/regex.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace custody::schema {

enum class ValueType { text, identity, email, iso8601, enumeration, regex };

// How one trailer key's values must look, wherever the key appears ([trailers.keys."K"]).
struct KeySpec {
  std::string key; // canonical spelling, as configured
  ValueType type = ValueType::text;
  bool non_empty = true;              // an empty value is malformed
  std::vector<std::string> values;    // enumeration: allowed values (case-insensitive)
  std::optional<util::Regex> pattern; // regex: must match (use ^...$ to anchor)
  bool not_author = false;            // identity/email: not the commit author's email
  bool not_agent = false;             // identity/email: not an agent's name or email
  bool not_future = false;            // iso8601: not after now + future_skew_seconds
};

// A rule applies when every condition that is set holds.
struct Condition {
  std::optional<bool> ai_assisted; // the [trailers.ai_assisted] definition
  std::optional<bool>
      agent_identity; // author, committer or Co-authored-by is an agent (or agent session)
  std::vector<std::string> trailers;   // has every one of these trailer keys
  std::vector<util::Glob> paths;       // changes at least one path matching (empty: no condition),
                                       // letters in either case (GlobSyntax::path_nocase)
  std::vector<util::Glob> paths_exact; // the same patterns, case-sensitive
                                       // (SchemaConfig::paths_case_sensitive)
  std::vector<util::Glob> refs;        // the target ref matches (empty: no condition)
  std::optional<bool> protected_ref;   // the target ref is (not) protected ([refs] protected)
};

enum class CommitTime {
  warn,  // commit-msg warns: the server will enforce it when the commit reaches a matching ref
  error, // commit-msg refuses the commit already
};

struct Rule {
  std::string id;          // stable; violations are reported as "trailers.<id>"
  std::string description; // one line, for `custody explain` and messages
  Condition when;
  std::vector<std::string> require; // keys that must be present
  std::vector<std::pair<std::string, int64_t>>
      min_distinct;          // key → at least N distinct valid values
  int64_t min_reviewers = 0; // distinct valid human reviewers over reviewer_keys
  // At commit time, how a requirement of a rule whose condition depends on the target ref is
  // reported (the ref is unknown then). Rules without ref conditions are always errors.
  CommitTime commit_time = CommitTime::warn;
};

// When a commit counts as AI-assisted: any one of these.
struct AiAssisted {
  std::string trailer = "AI-Generated"; // has this trailer ("" disables)
  bool agent_identity = true;           // author, committer or a Co-authored-by is an agent
};

struct SchemaConfig {
  std::vector<std::string> reviewer_keys = {"Reviewed-By", "Approved-By"};
  std::string review_date_key = "Review-Date";
  std::string co_author_key = "Co-authored-by";
  int64_t future_skew_seconds = 86400;
  // Path conditions match letters in either case unless this is set (`src/Auth/` is as risky as
  // `src/auth/`, and case-insensitive checkouts make them the same file).
  bool paths_case_sensitive = false;
  AiAssisted ai_assisted;
  std::vector<KeySpec> keys;
  std::vector<Rule> rules;
  // Cut-over: commits reachable from this commit are exempt; with a date, commits committed
  // before it AND reachable from the protected refs' tips recorded when the date was first seen
  // (hook/cutover.hpp). The committer date alone never exempts: the pusher chooses it.
  std::optional<int64_t> exempt_before_time;
  std::string exempt_before_commit;
  // Set at run time from the recorded cut-over state; unset: no commit is exempt by date.
  std::optional<std::vector<std::string>> exempt_before_tips;
  // The weakest review evidence a reviewer may have to count (per ruleset too: the stronger wins).
  Assurance min_review_assurance = Assurance::claimed;

  // The spec for `key` (case-insensitive), or nullptr.
  const KeySpec* key_spec(std::string_view key) const;
  const Rule* rule(std::string_view id) const;
};

const char* value_type_name(ValueType type);

} // namespace custody::schema
