#pragma once
// Summary metrics, per period and in total, accumulated one record at a time (memory grows
// with the number of periods and rules, not with the ledger).
#include "report/decision_view.hpp"
#include "util/json.hpp"

#include <cstdint>
#include <map>
#include <string>

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
  uint64_t bypasses = 0;
  uint64_t findings = 0;
  std::map<std::string, uint64_t> rejections_by_rule; // violations in rejected decisions

  void add(const DecisionView& record, bool new_push);
  util::Json to_json() const;
};

class Summary {
public:
  explicit Summary(Period period) : m_period(period) {}
  void add(const DecisionView& record);
  const Counts& totals() const { return m_totals; }
  const std::map<std::string, Counts>& periods() const { return m_periods; }
  util::Json to_json() const;

private:
  Period m_period;
  Counts m_totals;
  std::map<std::string, Counts> m_periods;
  std::string m_last_push_id;
};

// "2026-03" or "2026-03-01" from an RFC 3339 time; "unknown" when there is none.
std::string period_of(const std::string& time, Period period);

} // namespace custody::report
