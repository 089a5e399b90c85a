// What each signed_push.* rule refuses; see explain.hpp.
#include "signed_push/explain.hpp"

#include "signed_push/rules.hpp"

namespace custody::signed_push {

std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t) {
  return {
      {"signed_push.nonce",
       "Refuses every ref of a signed push whose certificate's nonce this server did not issue\n"
       "for this push (GIT_PUSH_CERT_NONCE_STATUS BAD, MISSING or UNSOLICITED: a replayed or\n"
       "forged certificate). Always on when a push is signed. Fix: push again with a fresh\n"
       "certificate: git push --signed.\n"},
      {"signed_push.required",
       "Refuses a change to a targeted ref unless the push carries a valid certificate (git push\n"
       "--signed) by a key registered in [[people]] (ruleset key `require_signed_push`; git gives\n"
       "certificates to pre-receive only, so the update hook always refuses such refs). Fix: git\n"
       "-c gpg.format=ssh -c user.signingkey=~/.ssh/id_ed25519 push --signed (or an OpenPGP key\n"
       "registered in gpg_fingerprints).\n" +
           policy::where_on(config.get<policy::Rulesets>(),
                            [](const policy::Ruleset& r) {
                              return r.rules.get<SignedPushRules>().require_signed_push;
                            })},
  };
}

} // namespace custody::signed_push
