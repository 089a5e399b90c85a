#include "commit_identity/config_section.hpp"

#include "commit_identity/rules.hpp"

namespace custody::commit_identity {

void apply_rules(config::TableReader& t, config::Sections& ruleset_rules) {
  auto& rules = ruleset_rules.edit<CommitIdentityRules>();
  if (auto v = t.boolean("require_signed_commits"))
    rules.require_signed_commits = *v;
  if (auto v = t.boolean("committer_is_pusher"))
    rules.committer_is_pusher = *v;
}

} // namespace custody::commit_identity
