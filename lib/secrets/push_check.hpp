#pragma once
// Secret scanning of a push (docs/secrets.md): every blob the push introduces (policy/push_scope:
// by reachability from the refs before the push, never by presence in the object store; trees
// and blobs pushed behind non-commit refs included), read from the quarantine, each scanned once
// and attributed to the first new commit and path that brought it (a merge commit's own content
// included). Which refs are scanned comes from the rulesets' `secret_scanning` rule (the default
// ruleset: every ref). Cost grows with the push, not with the repository.
//
// Per finding: a violation "secrets.<rule-id>" (commit, path, line, redacted match, fingerprint,
// three ways out), unless a human pusher bypassed that fingerprint with
//   git push -o custody.bypass=<fingerprint> -o
//   custody.reason=<false-positive|used-in-tests|will-fix>
// Agents never may. Ledger evidence on the ref that brought the blob:
//   evidence["findings"] = [{rule, commit, path, line, fingerprint, redacted}]
//   evidence["bypasses"] = [{fingerprint, reason, by}]
//   evidence["skipped"]  = [{blob, commit, path, reason: binary|oversize, size}]
//   evidence["secrets_scan"] = {blobs, bytes, ms, complete[, note]}
// The full secret is never written anywhere.
//
// In the update hook the scan still runs, but a rejected push leaves its blobs in the object
// store (only pre-receive sees them in quarantine): the evidence says so and a warning is printed.
#include "policy/push_context.hpp"

#include <vector>

namespace custody::secrets {

void check_push(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions);

} // namespace custody::secrets
