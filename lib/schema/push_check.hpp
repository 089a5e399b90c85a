#pragma once
// The trailer schema on the server: every commit a ref gains, where a ruleset with
// `trailer_schema = true` targets it (the `default` ruleset: the protected refs), in this push must
// comply, including commits the repository already had on unprotected branches (an unreviewed
// AI commit must not reach main by being pushed to a feature branch first). Commits reachable
// from any protected ref before the push count as checked, and `[trailers] exempt_before`
// (a date or a commit) exempts history from before custody was adopted. Cost: one history
// walk per protected ref update, linear in the commits that ref gains.
//
// Merge-based review: a commit that reaches the ref through a merge commit in the same push is
// covered by that merge commit's valid reviewers (hosts record approvals on the merge commit).
//
// Violations: one per offending commit, rule "trailers.<id>", SOC 2 CC8.1. Evidence for the
// ledger: evidence["commits"] = [{id, author, ai_tool, reviewers, review_date, verdict}, ...].
#include "policy/push_context.hpp"

#include <vector>

namespace custody::schema {

void check_push(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions);

} // namespace custody::schema
