#pragma once
// Who is pushing, and who a name or address belongs to.
//
// The pusher: the first identity source found wins, in this order (HOOK-CONTRACTS.md §9):
//   GITEA_PUSHER_NAME (Gitea, Forgejo) → GL_USERNAME (GitLab) → GL_USER (gitolite) →
//   REMOTE_USER (git-http-backend) → CUSTODY_PUSHER (an admin's SSH forced command) → OS user.
// A Gitea deploy-key push names the repository owner, not the key: it is recorded as
// "deploy-key:<id>" so an owner's name is never credited with a key's push, and a key is not a
// human.
//
// Agents: the identity registry ([[people]]) decides first (an agent listed there is an agent
// whatever its name; a human is a human when matched by address or account); an unlisted
// identity is an agent in allow-list mode ([agents] unlisted_are_agents); otherwise the [agents]
// patterns decide, matched against the name as written and its normalised form
// (identity/normalise.hpp: case, look-alike letters, `DOMAIN\` prefixes).
#include "config/config.hpp"
#include "identity/agents_config.hpp"
#include "identity/pusher.hpp"
#include "identity/registry.hpp"
#include "util/env.hpp"

#include <string_view>

namespace custody::identity {

class Directory {
public:
  Directory(const AgentsConfig& agents, const Registry& registry)
      : m_agents(agents), m_registry(registry) {}
  static Directory of(const config::Config& config) {
    return {config.get<AgentsConfig>(), config.get<Registry>()};
  }

  // The registered person a commit identity names: by address first, then by name.
  const Person* person(std::string_view name, std::string_view email) const;
  const Person* account(std::string_view account) const { return m_registry.by_account(account); }

  // An author, committer, co-author or reviewer (either part may be empty).
  bool is_agent(std::string_view name, std::string_view email) const {
    return !agent_reason(name, email).empty();
  }
  // Why that identity is an agent ("it matches [agents]", …), or "" when it is not one.
  std::string agent_reason(std::string_view name, std::string_view email) const;
  // A pusher account.
  bool is_agent_account(std::string_view account) const;
  // The same person: same address (subaddress and case aside), same normalised name, or both
  // resolve to one registered person.
  bool same_person(std::string_view name_a, std::string_view email_a, std::string_view name_b,
                   std::string_view email_b) const;
  // The pusher account and a commit identity belong to one registered person.
  bool is_account_of(std::string_view account, std::string_view name, std::string_view email) const;

  const Registry& registry() const { return m_registry; }
  const AgentsConfig& agents() const { return m_agents; }

private:
  const AgentsConfig& m_agents;
  const Registry& m_registry;
};

Pusher identify_pusher(const util::Environment& env, const Directory& directory);
Pusher identify_pusher(const util::Environment& env, const AgentsConfig& agents);

// True if a name (account or author name) matches the agent account patterns (as written or
// normalised). Pattern matching only: Directory::is_agent also consults the registry.
bool is_agent_name(std::string_view name, const AgentsConfig& agents);
// True if an email matches the agent email patterns (as written or normalised).
bool is_agent_email(std::string_view email, const AgentsConfig& agents);

} // namespace custody::identity
