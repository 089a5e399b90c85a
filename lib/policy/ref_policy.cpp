#include "policy/ref_policy.hpp"

#include <fmt/format.h>

namespace custody::policy {

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

Violation make(const hook::RefDecision& d, std::string rule, std::string control,
               std::string message, std::vector<std::string> hints) {
  return Violation{std::move(rule),    std::move(control), d.update.ref, "", "", 0,
                   std::move(message), std::move(hints)};
}

} // namespace

bool is_protected_ref(const config::RefsConfig& refs, const std::string& ref) {
  return util::matches_any(refs.protected_refs, ref);
}

void check_ref_policy(hook::PushContext& ctx, std::vector<hook::RefDecision>& decisions) {
  const auto& refs = ctx.config.refs;
  for (auto& d : decisions) {
    if (!d.is_protected || d.kind == refs::UpdateKind::unchanged)
      continue;
    const std::string name = branch_name(d.update.ref);
    if (ctx.pusher.is_agent && !ctx.config.agents.may_push_protected) {
      d.violations.push_back(make(
          d, "refs.agent_push", "CC6.1",
          fmt::format(
              "{} is an agent/bot account ({}), and agent accounts may not update protected refs",
              ctx.pusher.name, ctx.pusher.source),
          {fmt::format("push to a feature branch instead (git push origin "
                       "HEAD:refs/heads/agent/<topic>) and let a human "
                       "review and merge it into {}",
                       name)}));
    }
    switch (d.kind) {
    case refs::UpdateKind::delete_ref:
    case refs::UpdateKind::tag_delete:
      if (refs.block_deletion)
        d.violations.push_back(
            make(d, "refs.deletion", "CC8.1", "deletion refused: protected refs may not be deleted",
                 {"protected refs are part of the audited history; ask an administrator if it must "
                  "go"}));
      break;
    case refs::UpdateKind::non_fast_forward:
      if (refs.block_force_push)
        d.violations.push_back(
            make(d, "refs.force_push", "CC8.1",
                 fmt::format("force push: the new tip {} does not contain the old tip {}, so "
                             "commits would be lost",
                             short_id(d.update.new_oid), short_id(d.update.old_oid)),
                 {fmt::format("fetch and rebase onto the current {0} (git pull --rebase origin "
                              "{0}), then push without --force",
                              name)}));
      break;
    case refs::UpdateKind::tag_move:
      if (refs.block_tag_move)
        d.violations.push_back(
            make(d, "refs.tag_move", "CC8.1",
                 fmt::format("tag {} already points to {}; protected tags are immutable", name,
                             short_id(d.update.old_oid)),
                 {fmt::format("create a new tag (e.g. {}.1) instead of moving this one", name)}));
      break;
    default:
      break;
    }
  }
}

} // namespace custody::policy
