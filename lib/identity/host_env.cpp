#include "identity/host_env.hpp"

#include <fmt/format.h>

namespace custody::identity {

namespace {

constexpr const char* k_push_variables[] = {"GITEA_PUSHER_NAME",
                                            "GITEA_PUSHER_ID",
                                            "GITEA_PUSHER_EMAIL",
                                            "GITEA_REPO_NAME",
                                            "GITEA_DEPLOY_KEY_ID",
                                            "GITEA_IS_DEPLOY_KEY",
                                            "GITEA_ACTIONS_TASK_ID",
                                            "GITEA_PUSH_TRIGGER",
                                            "GITEA_REPO_USER_NAME",
                                            "GITEA_PR_ID",
                                            "GL_USERNAME",
                                            "GL_ID",
                                            "GL_USER",
                                            "GL_REPO",
                                            "GL_REPOSITORY",
                                            "GL_PROTOCOL",
                                            "GL_PROJECT_PATH",
                                            "REMOTE_USER"};

// The pusher's account name, most specific host first; CUSTODY_PUSHER is custody's own.
constexpr const char* k_pusher_sources[] = {"GITEA_PUSHER_NAME", "GL_USERNAME", "GL_USER",
                                            "REMOTE_USER", "CUSTODY_PUSHER"};

bool equals(const util::Environment& env, std::string_view var, std::string_view value) {
  auto v = env.get(var);
  return v && *v == value;
}

struct FactSource {
  const char* var;
  const char* key;
};

void copy_facts(const util::Environment& env, std::initializer_list<FactSource> sources,
                HostFacts& host) {
  for (const FactSource& s : sources)
    if (auto v = env.get_nonempty(s.var))
      host.facts.emplace_back(s.key, *v);
}

} // namespace

std::optional<HostPusher> host_pusher(const util::Environment& env) {
  if (auto id = env.get_nonempty("GITEA_DEPLOY_KEY_ID"); id && *id != "0")
    return HostPusher{"deploy-key:" + *id, "GITEA_DEPLOY_KEY_ID", true};
  if (equals(env, "GITEA_IS_DEPLOY_KEY", "true"))
    return HostPusher{"deploy-key", "GITEA_IS_DEPLOY_KEY", true};
  for (const char* source : k_pusher_sources)
    if (auto name = env.get_nonempty(source))
      return HostPusher{*name, source, false};
  return std::nullopt;
}

bool host_says_automation(const util::Environment& env) {
  return equals(env, "GITEA_PUSHER_ID", "-2") || env.get_nonempty("GITEA_ACTIONS_TASK_ID");
}

std::string host_pusher_email(const util::Environment& env) {
  return env.get_nonempty("GITEA_PUSHER_EMAIL").value_or("");
}

std::string web_merge_platform(const util::Environment& env) {
  if (equals(env, "GITEA_PUSH_TRIGGER", "pr-merge-to-base"))
    return "gitea";
  if (equals(env, "GL_PROTOCOL", "web"))
    return "gitlab";
  return "";
}

bool under_gitlab_shell(const util::Environment& env) {
  return env.get_nonempty("GL_ID").has_value();
}

std::string host_repository_id(const util::Environment& env) {
  if (auto id = env.get_nonempty("GL_REPOSITORY"))
    return fmt::format("gitlab:{}", *id);
  if (auto id = env.get_nonempty("GITEA_REPO_ID"))
    return fmt::format("gitea:{}", *id);
  if (env.get_nonempty("GL_USER"))
    if (auto name = env.get_nonempty("GL_REPO"))
      return fmt::format("gitolite:{}", *name);
  return "";
}

HostFacts detect_host(const util::Environment& env) {
  HostFacts host;
  if (env.get_nonempty("GL_REPOSITORY") && env.get_nonempty("GL_PROTOCOL")) {
    host.kind = "gitlab";
    copy_facts(env,
               {{"GL_PROTOCOL", "protocol"}, {"GL_ID", "gl_id"}, {"GL_PROJECT_PATH", "project"}},
               host);
  } else if (env.get_nonempty("GITEA_REPO_NAME") || env.get_nonempty("GITEA_PUSHER_ID")) {
    host.kind = "gitea";
    copy_facts(env,
               {{"GITEA_REPO_USER_NAME", "owner"},
                {"GITEA_REPO_NAME", "project"},
                {"GITEA_PUSHER_ID", "pusher_id"},
                {"GITEA_PR_ID", "pr_id"}},
               host);
  } else if (env.get_nonempty("GL_USER") && env.get_nonempty("GL_REPO")) {
    host.kind = "gitolite";
    copy_facts(env, {{"GL_REPO", "project"}}, host);
  } else if (env.get_nonempty("GATEWAY_INTERFACE") || env.get_nonempty("REQUEST_METHOD")) {
    host.kind = "http";
    copy_facts(env, {{"REMOTE_ADDR", "remote_addr"}}, host);
  } else if (env.get_nonempty("SSH_CONNECTION") || env.get_nonempty("SSH_ORIGINAL_COMMAND")) {
    host.kind = "ssh";
    if (auto c = env.get_nonempty("SSH_CONNECTION"))
      host.facts.emplace_back("remote_addr", c->substr(0, c->find(' ')));
  } else {
    host.kind = "local";
  }
  return host;
}

std::span<const char* const> push_variables() {
  return k_push_variables;
}

} // namespace custody::identity
