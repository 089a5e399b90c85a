#include "report/summary.hpp"

#include "report/fields.hpp"

namespace custody::report {

std::string period_of(const std::string& time, Period period) {
  size_t size = period == Period::month ? 7 : 10;
  if (time.size() < size)
    return "unknown";
  return time.substr(0, size);
}

void Counts::add(const util::Json& record, bool new_push) {
  ++decisions;
  if (new_push)
    ++pushes;
  bool accepted_now = text(record, "decision") == "accepted";
  accepted_now ? ++accepted : ++rejected;
  if (record.contains("pusher") && record["pusher"].is_object() &&
      flag(record["pusher"], "is_agent"))
    ++agent_decisions;
  if (!accepted_now)
    for (const auto& v : list(record, "violations"))
      if (v.is_object())
        ++rejections_by_rule[text(v, "rule")];
  bool onto_protected = accepted_now && flag(record, "protected");
  for (const auto& c : list(record, "commits")) {
    if (!c.is_object())
      continue;
    ++commits;
    if (!c.contains("ai_tool") || tool_text(c["ai_tool"]).empty())
      continue;
    ++ai_commits;
    if (onto_protected) {
      ++ai_commits_protected;
      if (c.contains("reviewers") && !people_text(c["reviewers"]).empty())
        ++ai_commits_protected_reviewed;
    }
  }
  bypasses += list(record, "bypasses").size();
  findings += list(record, "findings").size();
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

void Summary::add(const util::Json& record) {
  // The records of one push are appended together, so a push is a run of equal push_ids.
  std::string push_id = text(record, "push_id");
  bool new_push = push_id.empty() || push_id != m_last_push_id;
  m_last_push_id = push_id;
  m_totals.add(record, new_push);
  m_periods[period_of(text(record, "time"), m_period)].add(record, new_push);
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
