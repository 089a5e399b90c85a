#pragma once
// Signed pushes as a rule of a ruleset (docs/config.md, "Signed pushes"): every push that changes
// a targeted ref carries a push certificate (`git push --signed`) whose nonce this server issued
// and whose signature is by a key registered in [[people]].
namespace custody::signed_push {

struct SignedPushRules {
  bool require_signed_push = false;
};

} // namespace custody::signed_push
