#include "identity/identity.hpp"

#include "util/glob.hpp"

#include <pwd.h>
#include <unistd.h>

namespace custody::identity {

namespace {

std::string os_user(const util::Environment& env) {
  if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
    return pw->pw_name;
  return env.get_nonempty("USER").value_or("uid-" + std::to_string(::geteuid()));
}

} // namespace

bool is_agent_name(std::string_view name, const AgentsConfig& agents) {
  return !name.empty() && util::matches_any(agents.accounts, name);
}

bool is_agent_email(std::string_view email, const AgentsConfig& agents) {
  return !email.empty() && util::matches_any(agents.emails, email);
}

Pusher identify_pusher(const util::Environment& env, const AgentsConfig& agents) {
  Pusher pusher;
  if (auto key = env.get_nonempty("GITEA_DEPLOY_KEY_ID"); key && *key != "0") {
    pusher = {"deploy-key:" + *key, "GITEA_DEPLOY_KEY_ID", false};
  } else if (auto deploy = env.get("GITEA_IS_DEPLOY_KEY"); deploy && *deploy == "true") {
    pusher = {"deploy-key", "GITEA_IS_DEPLOY_KEY", false};
  } else {
    static constexpr const char* k_sources[] = {"GITEA_PUSHER_NAME", "GL_USERNAME", "GL_USER",
                                                "REMOTE_USER", "CUSTODY_PUSHER"};
    for (const char* source : k_sources) {
      if (auto name = env.get_nonempty(source)) {
        pusher = {*name, source, false};
        break;
      }
    }
    if (pusher.name.empty())
      pusher = {os_user(env), "os-user", false};
  }
  pusher.is_agent = is_agent_name(pusher.name, agents);
  // Gitea Actions job tokens push as the pseudo-user gitea-actions (id -2): automation, not a
  // human.
  if (env.get("GITEA_PUSHER_ID") == std::optional<std::string>("-2") ||
      env.get_nonempty("GITEA_ACTIONS_TASK_ID"))
    pusher.is_agent = true;
  return pusher;
}

} // namespace custody::identity
