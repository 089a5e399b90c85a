#pragma once
// Every check family, in the order the pipeline runs them over a push. The one list: a new family
// is a new folder plus one line in checks.cpp (and in sections.cpp for its configuration).
#include "policy/push_context.hpp"
#include "policy/rule_doc.hpp"

#include <span>
#include <vector>

namespace custody::families {

struct CheckFamily {
  const char* name;
  void (*check)(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions);
  // The rule ids its violations carry, explained (`custody explain`).
  std::vector<policy::RuleDoc> (*explain)(const config::Config& config, int64_t now);
};

std::span<const CheckFamily> check_families();

// Runs every family over `decisions` (each appends violations and evidence).
void run_checks(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions);

// Every family's rule ids, explained, in family order.
std::vector<policy::RuleDoc> explain_rules(const config::Config& config, int64_t now);

} // namespace custody::families
