// cli::offline_env: the environment of a check with no push running (mirror check, dry runs).
#include "cli/check_env.hpp"

#include <gtest/gtest.h>

using namespace custody;

TEST(CheckEnvTest, ClearsWhatAHostSaysAboutAPushKeepsTheSession) {
  auto env =
      cli::offline_env(util::Environment::from_map({{"GITEA_PUSHER_NAME", "alice"},
                                                    {"GITEA_ACTIONS_TASK_ID", "9"},
                                                    {"GITEA_PUSH_TRIGGER", "pr-merge-to-base"},
                                                    {"GL_PROTOCOL", "web"},
                                                    {"GIT_QUARANTINE_PATH", "/q"},
                                                    {"GIT_PUSH_OPTION_COUNT", "1"},
                                                    {"SSH_CONNECTION", "192.0.2.7 1 2 22"},
                                                    {"HOME", "/root"}}),
                       "/srv/git/api.git", "custody-mirror");
  for (const char* var : {"GITEA_PUSHER_NAME", "GITEA_ACTIONS_TASK_ID", "GITEA_PUSH_TRIGGER",
                          "GL_PROTOCOL", "GIT_QUARANTINE_PATH", "GIT_PUSH_OPTION_COUNT"})
    EXPECT_FALSE(env.get(var)) << var;
  EXPECT_EQ(env.get("SSH_CONNECTION"), "192.0.2.7 1 2 22");
  EXPECT_EQ(env.get("HOME"), "/root");
  EXPECT_EQ(env.get("GIT_DIR"), "/srv/git/api.git");
  EXPECT_EQ(env.get("CUSTODY_PUSHER"), "custody-mirror");
}

TEST(CheckEnvTest, KeepsTheCallersPusher) {
  auto env = cli::offline_env(util::Environment::from_map({{"CUSTODY_PUSHER", "ops"}}),
                              "/srv/git/api.git", "custody-mirror");
  EXPECT_EQ(env.get("CUSTODY_PUSHER"), "ops");
}
