#include "families/checks.hpp"

#include "commit_identity/push_check.hpp"
#include "protection/ref_rules.hpp"
#include "pushrules/check.hpp"
#include "schema/push_check.hpp"
#include "secrets/push_check.hpp"
#include "signed_push/push_check.hpp"

namespace custody::families {

std::span<const CheckFamily> check_families() {
  static const CheckFamily k_families[] = {
      {"refs", protection::check_push},
      {"signed_push", signed_push::check_push}, // before trailers: it names the push's signer
      {"trailers", schema::check_push},
      {"push_rules", pushrules::check_push},
      {"commit_identity", commit_identity::check_push}, // signatures and committers
      {"secrets", secrets::check_push}, // last: redacts pushed text from every violation
  };
  return k_families;
}

void run_checks(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions) {
  for (const auto& family : check_families())
    family.check(ctx, decisions);
}

} // namespace custody::families
