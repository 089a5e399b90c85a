#include "hook/git_config_parameters.hpp"

#include <gtest/gtest.h>

using custody::hook::git_config_parameter;
using custody::util::Environment;

TEST(GitConfigParametersTest, ReadsNewAndOldFormats) {
  auto env = Environment::from_map(
      {{"GIT_CONFIG_PARAMETERS",
        "'commit.cleanup'='scissors' 'core.commentchar=;' 'user.name'='O'\\''Brien'"}});
  EXPECT_EQ(git_config_parameter(env, "commit.cleanup"), std::optional<std::string>("scissors"));
  EXPECT_EQ(git_config_parameter(env, "core.commentChar"), std::optional<std::string>(";"));
  EXPECT_EQ(git_config_parameter(env, "user.name"), std::optional<std::string>("O'Brien"));
  EXPECT_EQ(git_config_parameter(env, "user.email"), std::nullopt);
}

TEST(GitConfigParametersTest, LastValueWinsAndGarbageStops) {
  auto env =
      Environment::from_map({{"GIT_CONFIG_PARAMETERS", "'a.b'='1' 'a.b'='2' garbage 'a.b'='3'"}});
  EXPECT_EQ(git_config_parameter(env, "a.b"), std::optional<std::string>("2"));
  EXPECT_EQ(git_config_parameter(Environment::from_map({}), "a.b"), std::nullopt);
}
