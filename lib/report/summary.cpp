#include "report/summary.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace custody::report {

namespace {

util::Json counts_json(const std::map<std::string, uint64_t>& counts) {
  util::Json out = util::Json::object();
  for (const auto& [key, count] : counts)
    out[key] = count;
  return out;
}

util::Json share(uint64_t part, uint64_t whole) {
  return whole == 0 ? util::Json()
                    : util::Json(static_cast<double>(part) / static_cast<double>(whole));
}

} // namespace

std::string period_of(const std::string& time, Period period) {
  size_t size = period == Period::month ? 7 : 10;
  if (time.size() < size)
    return "unknown";
  return time.substr(0, size);
}

bool counts_for_coverage(const DecisionView& record, const CommitView& commit) {
  // Exempt commits predate the trailer schema (trailers.exempt_before): nothing was asked of them.
  return record.decision == "accepted" && record.is_protected && commit.verdict != "exempt";
}

void Counts::add(const DecisionView& r, bool new_push) {
  ++decisions;
  if (new_push)
    ++pushes;
  bool accepted_now = r.decision == "accepted";
  accepted_now ? ++accepted : ++rejected;
  if (r.pusher_is_agent)
    ++agent_decisions;
  if (r.is_protected)
    ++protected_decisions;
  if (!accepted_now) {
    bool secret = false, agent = false;
    for (const auto& v : r.violations)
      for (const auto& rule : v.rules) {
        ++rejections_by_rule[rule];
        secret = secret || rule.rfind("secrets.", 0) == 0;
        agent = agent || rule == "refs.agent_push";
      }
    if (secret)
      ++secret_refusals;
    if (agent)
      ++agent_protected_refusals;
  }
  for (const auto& w : r.would_reject)
    ++would_reject_by_rule[w.rule];
  bool onto_protected = accepted_now && r.is_protected;
  for (const auto& c : r.commits) {
    ++commits;
    if (counts_for_coverage(r, c)) {
      ++protected_commits;
      if (!c.reviewers.empty())
        ++protected_commits_reviewed;
    }
    if (c.ai_tool.empty())
      continue;
    ++ai_commits;
    if (onto_protected) {
      ++ai_commits_protected;
      if (!c.reviewers.empty()) {
        ++ai_commits_protected_reviewed;
        ++ai_reviewed_by_assurance[c.assurance.empty() ? "claimed" : c.assurance];
      }
    }
  }
  bypasses += r.bypasses.size();
  if (r.bypassed())
    ++bypassed_decisions;
  findings += r.findings.size();
  if (r.secrets_scanned)
    ++secrets_scanned;
}

std::string Counts::assurance_text() const {
  std::string out;
  for (const char* level : {"signed", "platform", "pusher", "claimed"})
    if (auto it = ai_reviewed_by_assurance.find(level);
        it != ai_reviewed_by_assurance.end() && it->second > 0)
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", level, it->second);
  return out;
}

util::Json Counts::to_json() const {
  return {
      {"pushes", pushes},
      {"decisions", decisions},
      {"accepted", accepted},
      {"rejected", rejected},
      {"agent_decisions", agent_decisions},
      {"commits", commits},
      {"ai_commits", ai_commits},
      {"ai_commits_protected", ai_commits_protected},
      {"ai_commits_protected_reviewed", ai_commits_protected_reviewed},
      {"ai_reviewed_by_assurance", ai_reviewed_by_assurance},
      {"ai_protected_reviewed_share", share(ai_commits_protected_reviewed, ai_commits_protected)},
      {"protected_decisions", protected_decisions},
      {"protected_commits", protected_commits},
      {"protected_commits_reviewed", protected_commits_reviewed},
      {"protected_reviewed_share", share(protected_commits_reviewed, protected_commits)},
      {"bypasses", bypasses},
      {"bypassed_decisions", bypassed_decisions},
      {"agent_protected_refusals", agent_protected_refusals},
      {"secret_refusals", secret_refusals},
      {"secrets_scanned", secrets_scanned},
      {"findings", findings},
      {"rejections_by_rule", counts_json(rejections_by_rule)},
      {"would_reject_by_rule", counts_json(would_reject_by_rule)},
      {"outcomes", outcomes},
      {"outcomes_without_decision", outcomes_without_decision},
      {"accepted_not_applied", not_applied}};
}

void Summary::add(const DecisionView& record, uint64_t seq) {
  if (seq != 0 && record.type == "decision" && record.decision == "accepted" &&
      (record.hook == "pre-receive" || record.hook == "update"))
    m_pending[{record.repo, seq}] = period_of(record.time, m_period);
  // The records of one push are appended together, so a push is a run of equal push_ids.
  const std::string& push_id = record.push_id;
  bool new_push = push_id.empty() || push_id != m_last_push_id;
  m_last_push_id = push_id;
  m_totals.add(record, new_push);
  m_periods[period_of(record.time, m_period)].add(record, new_push);
  for (const auto& c : record.commits)
    if (counts_for_coverage(record, c) && c.reviewers.empty() &&
        m_unreviewed.size() < k_unreviewed_kept)
      m_unreviewed.push_back(
          {record.time, record.repo, record.ref, c.id, c.author, record.pusher, c.ai_tool});
}

void Summary::add_outcome(const OutcomeView& outcome) {
  std::string period = period_of(outcome.time, m_period);
  if (outcome.decision_seq == 0) {
    ++m_totals.outcomes_without_decision;
    ++m_periods[period].outcomes_without_decision;
  } else {
    auto first = m_first_linked.try_emplace(outcome.repo, outcome.decision_seq).first;
    first->second = std::min(first->second, outcome.decision_seq);
    if (auto it = m_pending.find({outcome.repo, outcome.decision_seq}); it != m_pending.end()) {
      period = it->second; // counted where the decision is
      m_pending.erase(it);
    }
  }
  ++m_totals.outcomes;
  ++m_periods[period].outcomes;
}

void Summary::finish() {
  for (const auto& [key, period] : m_pending) {
    auto first = m_first_linked.find(key.first);
    if (first == m_first_linked.end() || key.second < first->second)
      continue;
    ++m_totals.not_applied;
    ++m_periods[period].not_applied;
  }
  m_pending.clear();
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
  util::Json unreviewed = util::Json::array();
  for (const auto& u : m_unreviewed)
    unreviewed.push_back({{"time", u.time},
                          {"repo", u.repo},
                          {"ref", u.ref},
                          {"commit", u.commit},
                          {"author", u.author},
                          {"pusher", u.pusher},
                          {"ai_tool", u.ai_tool}});
  return {{"totals", m_totals.to_json()}, {"periods", periods}, {"unreviewed", unreviewed}};
}

} // namespace custody::report
