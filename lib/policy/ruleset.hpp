#pragma once
// Rulesets: which refs a set of rules guards, and how strictly (GitHub's rulesets, GitLab's push
// rules). A ruleset targets refs by include/exclude globs and holds rules of any family, each
// family's own typed struct in `rules` (e.g. rules.get<files::FileRules>()). Where several
// rulesets target a ref, all apply and the strictest outcome wins: a violation of an `active`
// ruleset refuses even if an `evaluate` one would only warn.
//
// The embedded default policy is the ruleset `default`: it targets the protected refs
// ([refs].protected) with the ref, agent and trailer rules of [refs], [agents] and [trailers], and
// scans everything any ref brings in with [secrets]. docs/config.md, "Rulesets".
#include "config/config.hpp"
#include "policy/violation.hpp"
#include "util/glob.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace custody::policy {

struct Ruleset {
  std::string name;
  std::vector<util::Glob> refs;    // targets: full ref names (`*` one component, `**` any)
  std::vector<util::Glob> exclude; // refs matched here are not targeted
  Enforcement enforcement = Enforcement::active;
  std::vector<std::string> bypass; // accounts (or registry people) who may bypass, with a reason
  config::Sections rules;          // each family's rules for this ruleset

  bool targets(std::string_view ref) const;
};

class Rulesets {
public:
  Rulesets(); // holds `default`, targeting nothing until [refs].protected sets it
  const std::vector<Ruleset>& all() const { return m_rulesets; }
  const Ruleset* find(std::string_view name) const;
  Ruleset& find_or_add(std::string_view name);
  Ruleset& default_ruleset() { return m_rulesets.front(); }
  const Ruleset& default_ruleset() const { return m_rulesets.front(); }
  // Indices of the rulesets that are not disabled and target `ref`, in configuration order.
  std::vector<size_t> targeting(std::string_view ref) const;

private:
  std::vector<Ruleset> m_rulesets;
};

inline constexpr std::string_view k_default_ruleset = "default";

// Of `candidates` (indices into `rulesets`), the one whose violations count most: an active one
// before an evaluate one, the first in configuration order among equals. Returns -1 when empty.
int strictest(const Rulesets& rulesets, const std::vector<size_t>& candidates);

} // namespace custody::policy
