#pragma once
// The one function that turns violations and enforcement into a verdict. pre-receive, update, the
// mirror check and `custody check` all call decide(); rendering and the ledger read its result.
#include "policy/push_context.hpp"

#include <string>
#include <vector>

namespace custody::policy {

enum class Scope {
  whole_push, // pre-receive: one refusing violation refuses every ref (git rejects them all)
  per_ref,    // update, mirror check, dry run: each ref stands alone
};

struct RefVerdict {
  bool accepted = true;
  std::string note; // why an otherwise clean ref was refused
};

struct Verdict {
  std::vector<RefVerdict> refs; // one per decision, same order
  size_t refusing = 0;          // violations that refuse (active, not bypassed)
  size_t refused_refs = 0;      // refs with at least one of them
  size_t warnings = 0;          // evaluate-mode violations: recorded as would_reject
  size_t bypassed = 0;          // active violations a listed person bypassed
  bool refused() const { return refusing > 0; }
};

// True if `v` refuses its ref: its ruleset is active and nobody bypassed it.
bool refuses(const Violation& v);

// Sets each violation's enforcement from the ruleset that raised it, and keeps one violation per
// (rule, ref, commit, path, line) where several rulesets raise the same one: the strictest.
void settle(const Rulesets& rulesets, std::vector<RefDecision>& decisions);

Verdict decide(const std::vector<RefDecision>& decisions, Scope scope);

} // namespace custody::policy
