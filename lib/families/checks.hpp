#pragma once
// Every check family, in the order the pipeline runs them over a push. The one list: a new family
// is a new folder plus one line in checks.cpp (and in sections.cpp for its configuration).
#include "policy/push_context.hpp"

#include <span>
#include <vector>

namespace custody::families {

struct CheckFamily {
  const char* name;
  void (*check)(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions);
};

std::span<const CheckFamily> check_families();

// Runs every family over `decisions` (each appends violations and evidence).
void run_checks(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions);

} // namespace custody::families
