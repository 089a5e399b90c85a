#pragma once
// The commit-identity family: who made each commit a ref gains.
//  - `require_signed_commits` (a ruleset rule): every new commit carries a valid SSH or OpenPGP
//    signature by a key registered to its committer (committer email → [[people]] entry → its
//    ssh_keys or gpg_fingerprints).
//  - `committer_is_pusher` (a ruleset rule): every new commit's committer is the authenticated
//    pusher, by the registry (pusher account and committer email name one person).
//  - On every direct push to a protected ref it records, per new commit, its committer and
//    whether that is the pusher (`commit_identity`, once a push, in the ledger record of the
//    first ref that brings it or judges it), and the signature found when a rule asked for it.
// In a platform web merge (identity/host_env.hpp) the commit the platform created (the pushed tip)
// needs no signature and the committer rule does not apply: the platform's rules judge them (the
// review family's `platform` assurance). Dry runs and mirror checks have no pusher: only
// signatures are checked there.
#include "policy/push_context.hpp"

#include <vector>

namespace custody::commit_identity {

void check_push(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions);

} // namespace custody::commit_identity
