#include "policy/ruleset.hpp"

#include "protection/rules.hpp"

#include <algorithm>

namespace custody::policy {

const char* enforcement_name(Enforcement e) {
  switch (e) {
  case Enforcement::active:
    return "active";
  case Enforcement::evaluate:
    return "evaluate";
  case Enforcement::disabled:
    return "disabled";
  }
  return "active";
}

bool Ruleset::targets(std::string_view ref) const {
  return util::matches_any(refs, ref) && !util::matches_any(exclude, ref);
}

Rulesets::Rulesets() {
  m_rulesets.emplace_back();
  m_rulesets.front().name = std::string(k_default_ruleset);
  // Agents may not update protected refs unless [agents].may_push_protected says they may.
  m_rulesets.front().rules.edit<protection::RefRules>().agent_push = true;
}

const Ruleset* Rulesets::find(std::string_view name) const {
  auto it = std::find_if(m_rulesets.begin(), m_rulesets.end(),
                         [&](const Ruleset& r) { return r.name == name; });
  return it == m_rulesets.end() ? nullptr : &*it;
}

Ruleset& Rulesets::find_or_add(std::string_view name) {
  for (auto& r : m_rulesets)
    if (r.name == name)
      return r;
  m_rulesets.emplace_back();
  m_rulesets.back().name = std::string(name);
  return m_rulesets.back();
}

std::vector<size_t> Rulesets::targeting(std::string_view ref) const {
  std::vector<size_t> out;
  for (size_t i = 0; i < m_rulesets.size(); ++i)
    if (m_rulesets[i].enforcement != Enforcement::disabled && m_rulesets[i].targets(ref))
      out.push_back(i);
  return out;
}

int strictest(const Rulesets& rulesets, const std::vector<size_t>& candidates) {
  int best = -1;
  for (size_t i : candidates) {
    if (best < 0)
      best = static_cast<int>(i);
    else if (rulesets.all()[i].enforcement == Enforcement::active &&
             rulesets.all()[static_cast<size_t>(best)].enforcement != Enforcement::active)
      best = static_cast<int>(i);
  }
  return best;
}

} // namespace custody::policy
