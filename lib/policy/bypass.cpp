#include "policy/bypass.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace custody::policy {

namespace {

constexpr std::string_view k_bypass_option = "custody.bypass-ruleset=";
constexpr std::string_view k_reason_option = "custody.reason=";
constexpr size_t k_max_reason = 200; // the reason is pushed text: keep the ledger bounded

struct Request {
  std::vector<std::string> rulesets;
  std::string reason;
};

Request parse(const std::vector<std::string>& options) {
  Request r;
  for (const auto& o : options) {
    if (o.starts_with(k_bypass_option))
      r.rulesets.push_back(o.substr(k_bypass_option.size()));
    else if (o.starts_with(k_reason_option))
      r.reason = util::printable(o.substr(k_reason_option.size()).substr(0, k_max_reason));
  }
  return r;
}

bool listed(const Ruleset& r, const identity::Pusher& pusher) {
  return std::any_of(r.bypass.begin(), r.bypass.end(),
                     [&](const std::string& who) { return util::iequals(who, pusher.name); });
}

// Why `pusher` may not bypass `r`, or "" when they may.
std::string refusal(const Ruleset* r, const std::string& name, const Request& req,
                    const identity::Pusher& pusher) {
  if (!r)
    return fmt::format("the bypass was refused: there is no ruleset \"{}\"", name);
  if (pusher.is_agent)
    return fmt::format("the bypass was refused: {} is an agent account, and agents may not bypass "
                       "rulesets",
                       pusher.name);
  if (!listed(*r, pusher))
    return fmt::format("the bypass was refused: {} is not in ruleset \"{}\"'s bypass list",
                       pusher.name, name);
  if (util::trim(req.reason).empty())
    return "the bypass was refused: say why with -o custody.reason=\"...\"";
  return "";
}

} // namespace

void apply_bypass(const PushContext& ctx, std::vector<RefDecision>& decisions) {
  const Request req = parse(ctx.push_options);
  for (const auto& name : req.rulesets) {
    const Ruleset* r = ctx.rulesets().find(name);
    const std::string why_not = refusal(r, name, req, ctx.pusher);
    for (auto& d : decisions) {
      util::Json rules = util::Json::array();
      for (auto& v : d.violations) {
        // A bypass of a ruleset that does not exist is answered on every refusing violation.
        if ((r && v.ruleset != name) || v.enforcement != Enforcement::active || v.bypassed)
          continue;
        if (!why_not.empty()) {
          v.hints.insert(v.hints.begin(), why_not);
          continue;
        }
        v.bypassed = true;
        rules.push_back(v.rule);
      }
      if (!rules.empty())
        d.evidence["ruleset_bypasses"].push_back(
            {{"ruleset", name}, {"by", ctx.pusher.name}, {"reason", req.reason}, {"rules", rules}});
    }
  }
}

} // namespace custody::policy
