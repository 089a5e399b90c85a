#pragma once
// Bypassing a ruleset (GitHub's bypass actors): a person the ruleset lists in `bypass` pushes with
//   git push -o custody.bypass-ruleset=<name> -o custody.reason="<why>"
// and that ruleset's violations stop refusing the push. The bypass is recorded in the ledger
// (who, which ruleset, why, which rules it set aside). Agents never bypass, however they are
// listed; a bypass without a reason, by someone not listed, or of a ruleset that raised nothing,
// is refused and said so to the pusher.
#include "policy/push_context.hpp"

#include <vector>

namespace custody::policy {

void apply_bypass(const PushContext& ctx, std::vector<RefDecision>& decisions);

} // namespace custody::policy
