#pragma once
// The fields of a decision record that reports use, read once per record with ObjectScan.
// Every field is optional in the ledger (records gain fields as issues land): absent reads as
// empty. Shapes tolerated: ai_tool as "name version" or {name, version}; reviewers as strings
// or {name, email} objects.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace custody::report {

struct CommitView {
  std::string id, author, ai_tool, reviewers, review_date, verdict;
  // The strongest reviewer's assurance (claimed, platform, pusher, signed); "claimed" for records
  // older than assurance levels; "" with no reviewer.
  std::string assurance;
};
struct ViolationView {
  std::string rule, control, commit, message;
  // Every rule the violation stands for: `rules` when the record lists them (one violation can
  // merge several findings of one commit), else just `rule`.
  std::vector<std::string> rules;
};
// An evaluate-mode rule that would have refused this accepted decision.
struct WouldRejectView {
  std::string rule, ruleset, ref, commit;
};
struct FindingView {
  std::string rule, commit, path, line, fingerprint, redacted;
};
struct BypassView {
  std::string fingerprint, reason, by;
};

struct DecisionView {
  std::string type, time, repo, hook, push_id, ref, kind, decision, error;
  bool is_protected = false;
  std::string pusher, pusher_source;
  bool pusher_is_agent = false;
  std::string node, repo_id, config_digest; // present once records carry them
  bool secrets_scanned = false;             // the record has a secrets_scan summary
  std::vector<CommitView> commits;
  std::vector<ViolationView> violations;
  std::vector<FindingView> findings;
  std::vector<BypassView> bypasses;
  std::vector<WouldRejectView> would_reject;

  bool bypassed() const { return decision == "accepted" && !bypasses.empty(); }
};

// The view of a record carrying a "decision" string; nullopt for other records (recovery,
// checkpoint) and for lines that are not JSON objects.
std::optional<DecisionView> read_decision(std::string_view line);

} // namespace custody::report
