#include "identity/host_env.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>

using namespace custody;

namespace {

util::Environment env(std::map<std::string, std::string> vars) {
  return util::Environment::from_map(std::move(vars));
}

bool cleared_offline(std::string_view var) {
  const auto vars = identity::push_variables();
  return std::any_of(vars.begin(), vars.end(), [&](const char* v) { return var == v; });
}

} // namespace

TEST(HostEnvTest, KindsAndFacts) {
  auto gitlab = identity::detect_host(env({{"GL_REPOSITORY", "project-7"},
                                           {"GL_PROTOCOL", "ssh"},
                                           {"GL_ID", "user-3"},
                                           {"GL_PROJECT_PATH", "acme/api"}}));
  EXPECT_EQ(gitlab.kind, "gitlab");
  using Facts = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(gitlab.facts,
            (Facts{{"protocol", "ssh"}, {"gl_id", "user-3"}, {"project", "acme/api"}}));
  auto gitea = identity::detect_host(env(
      {{"GITEA_REPO_NAME", "api"}, {"GITEA_REPO_USER_NAME", "acme"}, {"GITEA_PUSHER_ID", "4"}}));
  EXPECT_EQ(gitea.kind, "gitea");
  EXPECT_EQ(gitea.facts, (Facts{{"owner", "acme"}, {"project", "api"}, {"pusher_id", "4"}}));
  EXPECT_EQ(identity::detect_host(env({{"GL_USER", "alice"}, {"GL_REPO", "api"}})).kind,
            "gitolite");
  EXPECT_EQ(identity::detect_host(env({{"GATEWAY_INTERFACE", "CGI/1.1"}})).kind, "http");
  auto ssh = identity::detect_host(env({{"SSH_CONNECTION", "192.0.2.7 51000 192.0.2.1 22"}}));
  EXPECT_EQ(ssh.kind, "ssh");
  EXPECT_EQ(ssh.facts, (Facts{{"remote_addr", "192.0.2.7"}}));
  EXPECT_EQ(identity::detect_host(env({})).kind, "local");
}

TEST(HostEnvTest, PusherAndAutomation) {
  EXPECT_FALSE(identity::host_pusher(env({{"USER", "alice"}})));
  auto key = identity::host_pusher(env({{"GITEA_IS_DEPLOY_KEY", "true"}, {"GL_USER", "bob"}}));
  ASSERT_TRUE(key);
  EXPECT_TRUE(key->deploy_key);
  EXPECT_EQ(key->name, "deploy-key");
  EXPECT_TRUE(identity::host_says_automation(env({{"GITEA_PUSHER_ID", "-2"}})));
  EXPECT_TRUE(identity::host_says_automation(env({{"GITEA_ACTIONS_TASK_ID", "9"}})));
  EXPECT_FALSE(identity::host_says_automation(env({{"GITEA_PUSHER_ID", "2"}})));
  EXPECT_EQ(identity::web_merge_platform(env({{"GITEA_PUSH_TRIGGER", "pr-merge-to-base"}})),
            "gitea");
  EXPECT_EQ(identity::web_merge_platform(env({{"GL_PROTOCOL", "web"}})), "gitlab");
  EXPECT_EQ(identity::web_merge_platform(env({{"GL_PROTOCOL", "ssh"}})), "");
  EXPECT_TRUE(identity::under_gitlab_shell(env({{"GL_ID", "key-1"}})));
}

// Everything a host says about one push is cleared when no push runs; the session's variables
// and custody's own CUSTODY_PUSHER stay.
TEST(HostEnvTest, PushVariablesCoverEveryHostFact) {
  for (const char* var :
       {"GITEA_PUSHER_NAME", "GITEA_PUSHER_ID", "GITEA_PUSHER_EMAIL", "GITEA_DEPLOY_KEY_ID",
        "GITEA_IS_DEPLOY_KEY", "GITEA_ACTIONS_TASK_ID", "GITEA_PUSH_TRIGGER", "GITEA_REPO_NAME",
        "GL_USERNAME", "GL_USER", "GL_ID", "GL_PROTOCOL", "GL_REPOSITORY", "REMOTE_USER"})
    EXPECT_TRUE(cleared_offline(var)) << var;
  for (const char* var : {"CUSTODY_PUSHER", "SSH_CONNECTION", "GATEWAY_INTERFACE", "USER"})
    EXPECT_FALSE(cleared_offline(var)) << var;
}
