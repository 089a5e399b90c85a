// Where a rule is on; see rule_doc.hpp.
#include "policy/rule_doc.hpp"

#include <fmt/format.h>

namespace custody::policy {

std::string where_on(const Rulesets& rulesets, const std::function<bool(const Ruleset&)>& on) {
  std::string out;
  for (const auto& r : rulesets.all()) {
    if (!on(r))
      continue;
    std::string refs;
    for (const auto& g : r.refs)
      refs += fmt::format("{}{}", refs.empty() ? "" : ", ", g.pattern());
    out += fmt::format("{}{} ({}; {})", out.empty() ? "" : ", ", r.name,
                       enforcement_name(r.enforcement), refs.empty() ? "no refs" : refs);
  }
  return out.empty() ? "On in no ruleset of this configuration.\n"
                     : fmt::format("On in: {}.\n", out);
}

} // namespace custody::policy
