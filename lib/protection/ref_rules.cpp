#include "protection/ref_rules.hpp"

#include "identity/agents_config.hpp"
#include "protection/rules.hpp"

#include <fmt/format.h>

namespace custody::protection {

namespace {

std::string short_id(const std::string& id) {
  return id.substr(0, 12);
}

std::string branch_name(const std::string& ref) {
  for (std::string_view prefix : {"refs/heads/", "refs/tags/"})
    if (ref.rfind(prefix, 0) == 0)
      return ref.substr(prefix.size());
  return ref;
}

policy::Violation make(const policy::RefDecision& d, const policy::Ruleset& r, std::string rule,
                       std::string control, std::string message, std::vector<std::string> hints) {
  policy::Violation v;
  v.rule = std::move(rule);
  v.control = std::move(control);
  v.ref = d.update.ref;
  v.message = std::move(message);
  v.hints = std::move(hints);
  v.ruleset = r.name;
  return v;
}

// The violations one ruleset's ref rules find in one update.
void check_ref(const policy::PushContext& ctx, const policy::Ruleset& r, policy::RefDecision& d) {
  const auto& rules = r.rules.get<RefRules>();
  const std::string name = branch_name(d.update.ref);
  bool agent_rule = rules.agent_push;
  if (r.name == policy::k_default_ruleset &&
      ctx.config.get<identity::AgentsConfig>().may_push_protected)
    agent_rule = false;
  if (agent_rule && ctx.pusher.is_agent)
    d.violations.push_back(make(
        d, r, "refs.agent_push", "CC6.1",
        fmt::format(
            "{} is an agent/bot account ({}), and agent accounts may not update protected refs",
            ctx.pusher.name, ctx.pusher.source),
        {fmt::format("push to a feature branch instead (git push origin "
                     "HEAD:refs/heads/agent/<topic>) and let a human review and merge it into {}",
                     name)}));
  const bool moves = d.kind == refs::UpdateKind::fast_forward ||
                     d.kind == refs::UpdateKind::non_fast_forward ||
                     d.kind == refs::UpdateKind::tag_move;
  if (rules.update && moves)
    d.violations.push_back(
        make(d, r, "refs.update", "CC8.1",
             fmt::format("moving {} refused: ruleset \"{}\" allows no updates here", d.update.ref,
                         r.name),
             {"ask an administrator to make this change; these refs change how history reads for "
              "everyone (docs/config.md, \"Rulesets\")"}));
  switch (d.kind) {
  case refs::UpdateKind::delete_ref:
  case refs::UpdateKind::tag_delete:
    if (rules.deletion || (d.kind == refs::UpdateKind::tag_delete && rules.tag_deletion))
      d.violations.push_back(make(
          d, r, "refs.deletion", "CC8.1", "deletion refused: protected refs may not be deleted",
          {"protected refs are part of the audited history; ask an administrator if it must go"}));
    break;
  case refs::UpdateKind::non_fast_forward:
    if (rules.non_fast_forward)
      d.violations.push_back(
          make(d, r, "refs.force_push", "CC8.1",
               fmt::format("force push: the new tip {} does not contain the old tip {}, so "
                           "commits would be lost",
                           short_id(d.update.new_oid), short_id(d.update.old_oid)),
               {fmt::format("fetch and rebase onto the current {0} (git pull --rebase origin "
                            "{0}), then push without --force",
                            name)}));
    break;
  case refs::UpdateKind::tag_move:
    if (rules.tag_move)
      d.violations.push_back(
          make(d, r, "refs.tag_move", "CC8.1",
               fmt::format("tag {} already points to {}; protected tags are immutable", name,
                           short_id(d.update.old_oid)),
               {fmt::format("create a new tag (e.g. {}.1) instead of moving this one", name)}));
    break;
  case refs::UpdateKind::create:
  case refs::UpdateKind::tag_create:
    if (rules.creation)
      d.violations.push_back(make(
          d, r, "refs.creation", "CC8.1",
          fmt::format("creating {} refused: ruleset \"{}\" allows no new refs here", d.update.ref,
                      r.name),
          {"ask an administrator to create it, or push to a name the ruleset does not target"}));
    break;
  default:
    break;
  }
}

} // namespace

void check_push(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions) {
  const auto& rulesets = ctx.rulesets().all();
  for (auto& d : decisions) {
    if (d.kind == refs::UpdateKind::unchanged)
      continue;
    for (size_t i : d.rulesets)
      check_ref(ctx, rulesets[i], d);
  }
}

} // namespace custody::protection
