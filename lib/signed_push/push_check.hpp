#pragma once
// Signed pushes (`git push --signed`). With receive.certNonceSeed set (custody install sets it),
// git hands pre-receive (not update) the certificate as a blob (GIT_PUSH_CERT) and its own
// verdicts (GIT_PUSH_CERT_STATUS, GIT_PUSH_CERT_NONCE_STATUS). This check family:
//  - refuses every ref of a push whose certificate's nonce git did not issue for this push
//    (BAD, MISSING, UNSOLICITED: a replayed or forged certificate);
//  - checks the certificate's SSH or OpenPGP signature against the registry's keys
//    (identity/signature_verify.hpp)
//    and names the signer in ctx.push_signer, which makes that person's reviews `signed`;
//  - refuses changes to refs whose rulesets set require_signed_push (rules.hpp) when the push
//    has no valid certificate by a registered signer (and always under the update hook, which
//    cannot see certificates);
//  - stores the certificate text with the decision (it holds no secret: the pusher's key id, the
//    URL, the nonce and the ref updates), so the evidence outlives git's garbage collection.
#include "policy/push_context.hpp"

#include <vector>

namespace custody::signed_push {

void check_push(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions);

} // namespace custody::signed_push
