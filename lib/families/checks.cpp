#include "families/checks.hpp"

#include "commit_identity/explain.hpp"
#include "commit_identity/push_check.hpp"
#include "protection/explain.hpp"
#include "protection/ref_rules.hpp"
#include "pushrules/check.hpp"
#include "pushrules/explain.hpp"
#include "schema/explain.hpp"
#include "schema/push_check.hpp"
#include "secrets/explain.hpp"
#include "secrets/push_check.hpp"
#include "signed_push/explain.hpp"
#include "signed_push/push_check.hpp"

namespace custody::families {

std::span<const CheckFamily> check_families() {
  static const CheckFamily k_families[] = {
      {"refs", protection::check_push, protection::rule_docs},
      // before trailers: it names the push's signer
      {"signed_push", signed_push::check_push, signed_push::rule_docs},
      {"trailers", schema::check_push, schema::rule_docs},
      {"push_rules", pushrules::check_push, pushrules::rule_docs},
      // signatures and committers
      {"commit_identity", commit_identity::check_push, commit_identity::rule_docs},
      // last: redacts pushed text from every violation
      {"secrets", secrets::check_push, secrets::rule_docs},
  };
  return k_families;
}

void run_checks(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions) {
  for (const auto& family : check_families())
    family.check(ctx, decisions);
}

std::vector<policy::RuleDoc> explain_rules(const config::Config& config, int64_t now) {
  std::vector<policy::RuleDoc> out;
  for (const auto& family : check_families())
    for (auto& doc : family.explain(config, now))
      out.push_back(std::move(doc));
  return out;
}

} // namespace custody::families
