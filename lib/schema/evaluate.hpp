#pragma once
// The trailer schema's verdict on one commit: the same code for the commit-msg hook (before the
// commit exists, target ref unknown) and the push hooks (every commit a protected ref gains), so
// a developer and the server never disagree about a message.
//
// What is checked (docs/trailers.md):
//  1. Lines that look like schema trailers but that git does not read as trailers (malformed).
//  2. Every trailer whose key has a spec ([trailers.keys]): its value type, and for people
//     "not the author" and "not an agent", for dates "not in the future".
//  3. Every rule whose condition holds: required keys, distinct counts, human reviewers.
// At commit time a condition that depends on the target ref or the changed paths is unknown;
// an unmet requirement of such a rule is a warning (or an error when the rule says
// commit_time = "error").
#include "config/config.hpp"
#include "git/commit_info.hpp"
#include "schema/assurance.hpp"
#include "schema/identity_value.hpp"
#include "schema/schema_config.hpp"
#include "trailers/parser.hpp"

#include <optional>
#include <string>
#include <vector>

namespace custody::schema {

enum class Stage { commit_msg, server };
enum class Severity { error, warning };

struct Finding {
  Severity severity = Severity::error;
  std::string rule; // "trailers.<id>": malformed, value, self-review, agent-reviewer, future-date,
                    // or a rule id
  std::string message; // one line: what is wrong and why
  std::vector<std::string>
      missing_trailers;           // example trailers that would fix it ("Review-Date: 2026-01-02")
  std::vector<std::string> hints; // other fixes, one line each (how to sign, who pushes)
};

// A human review that counts: from a reviewer key, a valid identity, not the author, not an agent.
struct Reviewer {
  std::string key;
  Identity identity;
  Assurance assurance = Assurance::claimed;
};

// What the server knows beyond the message, which can raise a reviewer above `claimed`
// (schema/assurance.hpp). Empty at commit time.
struct ReviewEvidence {
  std::string platform;             // "gitea" or "gitlab" when this commit is the one the hosting
                                    // platform created in a web merge (the pushed tip); else ""
  std::string pusher_account;       // the server-authenticated pusher
  std::string pusher_email;         // when the host tells it (GITEA_PUSHER_EMAIL)
  bool merge = false;               // this commit has several parents
  std::vector<std::string> signers; // registry names whose key validly signed this commit
};

struct CommitFacts {
  std::string id; // "" at commit time
  git::Signature author;
  git::Signature committer;
  std::string message;                                   // as git stores it (cleaned up)
  std::optional<std::vector<std::string>> changed_paths; // nullopt: unknown (commit time)
  std::optional<std::string> target_ref;                 // nullopt: unknown (commit time)
  std::optional<bool> target_protected;                  // nullopt: unknown (commit time)
  bool agent_session = false;                            // commit made inside an agent session
  int64_t now = 0;
  // Merge-based review: the valid review of a merge commit that brings this commit in.
  std::string covered_by;                    // that merge's id, or ""
  std::vector<Identity> covering_reviewers;  // its reviewers (re-checked against this commit)
  std::vector<Assurance> covering_assurance; // theirs, in order (missing: claimed)
  std::string covering_review_date;
  ReviewEvidence evidence;
  Assurance min_assurance = Assurance::claimed; // for min_reviewers (server stage only)
};

struct Evaluation {
  std::vector<trailers::Trailer> trailers;
  std::vector<Finding> findings;
  bool ai_assisted = false;
  bool agent_identity = false;
  std::string ai_tool;             // value of the AI trailer, if any
  std::vector<Reviewer> reviewers; // valid, distinct by email; includes covering reviewers
  std::string review_date;         // own, or the covering merge's
  size_t errors() const;
  size_t warnings() const;
};

Evaluation evaluate_commit(const config::Config& config, const CommitFacts& facts, Stage stage);

// In a platform merge, the merger (the pusher) is `author`: the merge message was theirs to edit.
bool is_self_merge(const config::Config& config, const ReviewEvidence& evidence,
                   const git::Signature& author);

// How to prove a review at `need` (one line each), for refusals.
std::vector<std::string> assurance_hints(Assurance need);

// "Reviewed-By or Approved-By"
std::string reviewer_keys_text(const SchemaConfig& schema);

// The example reviewer used in fix hints.
inline constexpr const char* k_example_reviewer = "Jane Doe <jane@example.com>";

} // namespace custody::schema
