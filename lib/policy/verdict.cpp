#include "policy/verdict.hpp"

#include <algorithm>
#include <tuple>

namespace custody::policy {

bool refuses(const Violation& v) {
  return v.enforcement == Enforcement::active && !v.bypassed;
}

void settle(const Rulesets& rulesets, std::vector<RefDecision>& decisions) {
  for (auto& d : decisions) {
    for (auto& v : d.violations) {
      const Ruleset* r = rulesets.find(v.ruleset);
      v.enforcement = r ? r->enforcement : Enforcement::active; // unknown: fail closed
    }
    // Strictest first, then keep the first of each (rule, ref, commit, path, line).
    std::stable_sort(
        d.violations.begin(), d.violations.end(), [](const Violation& a, const Violation& b) {
          return a.enforcement == Enforcement::active && b.enforcement != Enforcement::active;
        });
    std::vector<Violation> kept;
    for (auto& v : d.violations) {
      auto same = [&](const Violation& k) {
        return std::tie(k.rule, k.ref, k.commit, k.path, k.line) ==
               std::tie(v.rule, v.ref, v.commit, v.path, v.line);
      };
      if (std::none_of(kept.begin(), kept.end(), same))
        kept.push_back(std::move(v));
    }
    d.violations = std::move(kept);
  }
}

Verdict decide(const std::vector<RefDecision>& decisions, Scope scope) {
  Verdict verdict;
  for (const auto& d : decisions) {
    size_t refusing = 0;
    for (const auto& v : d.violations) {
      if (refuses(v))
        ++refusing;
      else if (v.bypassed)
        ++verdict.bypassed;
      else
        ++verdict.warnings;
    }
    verdict.refusing += refusing;
    verdict.refused_refs += refusing ? 1 : 0;
    verdict.refs.push_back({refusing == 0, ""});
  }
  if (scope == Scope::whole_push && verdict.refused())
    for (auto& r : verdict.refs)
      if (r.accepted) {
        r.accepted = false;
        r.note = "rejected with the rest of the push";
      }
  return verdict;
}

} // namespace custody::policy
