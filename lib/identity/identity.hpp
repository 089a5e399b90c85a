#pragma once
// Who is pushing: the first identity source found wins, in this order (HOOK-CONTRACTS.md §9):
//   GITEA_PUSHER_NAME (Gitea, Forgejo) → GL_USERNAME (GitLab) → GL_USER (gitolite) →
//   REMOTE_USER (git-http-backend) → CUSTODY_PUSHER (an admin's SSH forced command) → OS user.
// A Gitea deploy-key push names the repository owner, not the key: it is recorded as
// "deploy-key:<id>" so an owner's name is never credited with a key's push.
#include "identity/agents_config.hpp"
#include "identity/pusher.hpp"
#include "util/env.hpp"

#include <string_view>

namespace custody::identity {

Pusher identify_pusher(const util::Environment& env, const AgentsConfig& agents);

// True if a name (account or author name) matches the agent account patterns.
bool is_agent_name(std::string_view name, const AgentsConfig& agents);
// True if an email matches the agent email patterns.
bool is_agent_email(std::string_view email, const AgentsConfig& agents);

} // namespace custody::identity
