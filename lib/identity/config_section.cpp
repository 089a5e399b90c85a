// The [agents] table.
#include "identity/config_section.hpp"

namespace custody::identity {

void apply_section(config::TableReader& t, config::Config& c) {
  auto& agents = c.edit<AgentsConfig>();
  if (auto v = t.globs("accounts", util::GlobSyntax::name))
    agents.accounts = std::move(*v);
  if (auto v = t.globs("emails", util::GlobSyntax::name))
    agents.emails = std::move(*v);
  if (auto v = t.boolean("may_push_protected"))
    agents.may_push_protected = *v;
  if (auto v = t.strings("session_env"))
    agents.session_env = std::move(*v);
  if (auto v = t.boolean("unlisted_are_agents"))
    agents.unlisted_are_agents = *v;
  t.finish();
}

} // namespace custody::identity
