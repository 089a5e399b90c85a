#include "config/loader.hpp"
#include "identity/agents_config.hpp"
#include "identity/identity.hpp"

#include <gtest/gtest.h>

using namespace custody;

namespace {

identity::Pusher who(std::map<std::string, std::string> vars) {
  static const config::Config c = config::default_config();
  return identity::identify_pusher(util::Environment::from_map(std::move(vars)),
                                   c.get<identity::AgentsConfig>());
}

} // namespace

TEST(IdentityTest, SourcesInOrder) {
  EXPECT_EQ(who({{"GITEA_PUSHER_NAME", "a"}, {"GL_USERNAME", "b"}}).source, "GITEA_PUSHER_NAME");
  EXPECT_EQ(who({{"GL_USERNAME", "b"}, {"GL_USER", "c"}}).source, "GL_USERNAME");
  EXPECT_EQ(who({{"GL_USER", "c"}, {"REMOTE_USER", "d"}}).source, "GL_USER");
  EXPECT_EQ(who({{"REMOTE_USER", "d"}, {"CUSTODY_PUSHER", "e"}}).source, "REMOTE_USER");
  EXPECT_EQ(who({{"CUSTODY_PUSHER", "e"}}).name, "e");
  EXPECT_EQ(who({{"REMOTE_USER", ""}}).source, "os-user"); // empty values do not count
}

TEST(IdentityTest, GiteaDeployKeyIsNotTheOwner) {
  auto p = who({{"GITEA_PUSHER_NAME", "acme-org"}, {"GITEA_DEPLOY_KEY_ID", "12"}});
  EXPECT_EQ(p.name, "deploy-key:12");
  EXPECT_EQ(p.source, "GITEA_DEPLOY_KEY_ID");
  EXPECT_EQ(who({{"GITEA_PUSHER_NAME", "alice"}, {"GITEA_DEPLOY_KEY_ID", "0"}}).name, "alice");
}

TEST(IdentityTest, AgentAccounts) {
  for (const char* name :
       {"dependabot[bot]", "renovate-bot", "bot-deploy", "review-agent", "Copilot", "claude",
        "codex-cli", "cursor", "devin-ai", "project_123_bot_4ffca233", "group_9_bot"})
    EXPECT_TRUE(who({{"GL_USERNAME", name}}).is_agent) << name;
  for (const char* name : {"alice", "robot", "abbot", "botany", "projectx"})
    EXPECT_FALSE(who({{"GL_USERNAME", name}}).is_agent) << name;
}

TEST(IdentityTest, GiteaActionsTokenIsAutomation) {
  EXPECT_TRUE(who({{"GITEA_PUSHER_NAME", "gitea-actions"}, {"GITEA_PUSHER_ID", "-2"}}).is_agent);
}
