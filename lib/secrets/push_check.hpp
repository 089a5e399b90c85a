#pragma once
// Secret scanning of a push (issue 4, docs/secrets.md): every blob the push introduces and the
// repository did not have, read from the quarantine, each scanned once and attributed to the
// first new commit and path that brought it (a merge commit's own content included). Cost grows
// with the push, not with the repository.
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
#include "hook/push_context.hpp"

#include <vector>

namespace custody::secrets {

void check_push(hook::PushContext& ctx, std::vector<hook::RefDecision>& decisions);

} // namespace custody::secrets
