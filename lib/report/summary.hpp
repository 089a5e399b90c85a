#pragma once
// Summary metrics, per period and in total, accumulated one record at a time (memory grows
// with the number of periods and rules, not with the ledger).
#include "report/decision_view.hpp"
#include "report/scan_decisions.hpp"
#include "util/json.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace custody::report {

enum class Period { month, day };

struct Counts {
  uint64_t decisions = 0; // decision rows (one per ref per push, per commit-msg verdict)
  uint64_t pushes = 0;    // distinct push_id runs
  uint64_t accepted = 0;
  uint64_t rejected = 0;
  uint64_t agent_decisions = 0;               // decisions on pushes by agent accounts
  uint64_t commits = 0;                       // commits checked
  uint64_t ai_commits = 0;                    // commits naming an AI tool
  uint64_t ai_commits_protected = 0;          // ...accepted onto a protected ref
  uint64_t ai_commits_protected_reviewed = 0; // ...of those, with a human reviewer named
  // ...of those, by the strongest reviewer's assurance (claimed, platform, pusher, signed)
  std::map<std::string, uint64_t> ai_reviewed_by_assurance;
  uint64_t bypasses = 0;
  uint64_t findings = 0;
  // CC8.1 counts every change to a protected ref, AI-assisted or not.
  uint64_t protected_decisions = 0;        // decisions on protected refs
  uint64_t protected_commits = 0;          // commits accepted onto protected refs (not exempt)
  uint64_t protected_commits_reviewed = 0; // ...of those, with a human reviewer named
  uint64_t bypassed_decisions = 0;         // accepted only because of a secret-scan bypass
  uint64_t agent_protected_refusals = 0;   // refused decisions by agents on protected refs
  uint64_t secret_refusals = 0;            // refused decisions with a secrets.* violation
  uint64_t secrets_scanned = 0;            // decisions whose record has a secret-scan summary
  // Every rule every violation of a refused decision broke (a violation naming three rules
  // counts three times).
  std::map<std::string, uint64_t> rejections_by_rule;
  std::map<std::string, uint64_t> would_reject_by_rule; // evaluate-mode rules, accepted pushes
  // Outcomes (post-receive, docs/ledger.md "Outcomes"): refs that actually moved, and accepted
  // decisions that never did (the host refused after custody accepted, or the push died).
  uint64_t outcomes = 0;                  // outcome records: ref updates git applied
  uint64_t outcomes_without_decision = 0; // ...for which no accepting decision was found
  uint64_t not_applied = 0; // accepted by custody, not applied by the host (see Summary::finish)

  void add(const DecisionView& record, bool new_push);
  util::Json to_json() const;
  // "signed 120, platform 100, pusher 10, claimed 8" (levels with a count only).
  std::string assurance_text() const;
};

// A commit that reached a protected ref with no human reviewer named: a CC8.1 finding whether
// or not an AI tool wrote it (a person's direct push to main is one too).
struct Unreviewed {
  std::string time, repo, ref, commit, author, pusher, ai_tool;
};

class Summary {
public:
  explicit Summary(Period period) : m_period(period) {}
  // `seq`: the record's position in its ledger, to link outcomes to it (0: not linked).
  void add(const DecisionView& record, uint64_t seq = 0);
  void add_outcome(const OutcomeView& outcome);
  // After the last record: accepted pre-receive/update decisions no outcome named count as
  // not applied, in repositories whose post-receive was recording outcomes by then (after the
  // first decision an outcome names). Call once before reading the counts.
  void finish();
  const Counts& totals() const { return m_totals; }
  const std::map<std::string, Counts>& periods() const { return m_periods; }
  // The first k_unreviewed_kept unreviewed commits (the count is in totals()).
  const std::vector<Unreviewed>& unreviewed() const { return m_unreviewed; }
  util::Json to_json() const;

  static constexpr size_t k_unreviewed_kept = 1000;

private:
  Period m_period;
  Counts m_totals;
  std::map<std::string, Counts> m_periods;
  std::vector<Unreviewed> m_unreviewed;
  std::string m_last_push_id;
  std::map<std::pair<std::string, uint64_t>, std::string> m_pending; // (repo, seq) -> period
  std::map<std::string, uint64_t> m_first_linked; // repo -> first decision seq an outcome named
};

// True for a commit on an accepted protected-ref decision that counts for review coverage.
bool counts_for_coverage(const DecisionView& record, const CommitView& commit);

// "2026-03" or "2026-03-01" from an RFC 3339 time; "unknown" when there is none.
std::string period_of(const std::string& time, Period period);

} // namespace custody::report
