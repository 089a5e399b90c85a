#include "report/summary.hpp"

namespace custody::report {

std::string period_of(const std::string& time, Period period) {
  size_t size = period == Period::month ? 7 : 10;
  if (time.size() < size)
    return "unknown";
  return time.substr(0, size);
}

void Counts::add(const DecisionView& r, bool new_push) {
  ++decisions;
  if (new_push)
    ++pushes;
  bool accepted_now = r.decision == "accepted";
  accepted_now ? ++accepted : ++rejected;
  if (r.pusher_is_agent)
    ++agent_decisions;
  if (!accepted_now)
    for (const auto& v : r.violations)
      ++rejections_by_rule[v.rule];
  bool onto_protected = accepted_now && r.is_protected;
  for (const auto& c : r.commits) {
    ++commits;
    if (c.ai_tool.empty())
      continue;
    ++ai_commits;
    if (onto_protected) {
      ++ai_commits_protected;
      if (!c.reviewers.empty())
        ++ai_commits_protected_reviewed;
    }
  }
  bypasses += r.bypasses.size();
  findings += r.findings.size();
}

util::Json Counts::to_json() const {
  util::Json rules = util::Json::object();
  for (const auto& [rule, count] : rejections_by_rule)
    rules[rule] = count;
  util::Json share = ai_commits_protected == 0
                         ? util::Json()
                         : util::Json(static_cast<double>(ai_commits_protected_reviewed) /
                                      static_cast<double>(ai_commits_protected));
  return {{"pushes", pushes},
          {"decisions", decisions},
          {"accepted", accepted},
          {"rejected", rejected},
          {"agent_decisions", agent_decisions},
          {"commits", commits},
          {"ai_commits", ai_commits},
          {"ai_commits_protected", ai_commits_protected},
          {"ai_commits_protected_reviewed", ai_commits_protected_reviewed},
          {"ai_protected_reviewed_share", share},
          {"bypasses", bypasses},
          {"findings", findings},
          {"rejections_by_rule", rules}};
}

void Summary::add(const DecisionView& record) {
  // The records of one push are appended together, so a push is a run of equal push_ids.
  const std::string& push_id = record.push_id;
  bool new_push = push_id.empty() || push_id != m_last_push_id;
  m_last_push_id = push_id;
  m_totals.add(record, new_push);
  m_periods[period_of(record.time, m_period)].add(record, new_push);
}

util::Json Summary::to_json() const {
  util::Json periods = util::Json::array();
  for (const auto& [name, counts] : m_periods) {
    util::Json p = {{"period", name}};
    util::Json fields = counts.to_json();
    for (const auto& [k, v] : fields.items())
      p[k] = v;
    periods.push_back(std::move(p));
  }
  return {{"totals", m_totals.to_json()}, {"periods", periods}};
}

} // namespace custody::report
