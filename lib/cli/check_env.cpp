#include "cli/check_env.hpp"

namespace custody::cli {

util::Environment offline_env(util::Environment env, const std::filesystem::path& git_dir,
                              std::string_view pusher) {
  for (const char* var :
       {"GIT_QUARANTINE_PATH", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GITEA_PUSHER_NAME", "GITEA_PUSHER_ID", "GITEA_REPO_NAME", "GITEA_DEPLOY_KEY_ID",
        "GITEA_IS_DEPLOY_KEY", "GL_USERNAME", "GL_ID", "GL_USER", "GL_REPO", "GL_REPOSITORY",
        "GL_PROTOCOL", "REMOTE_USER", "GIT_PUSH_OPTION_COUNT"})
    env.unset(var);
  env.set("GIT_DIR", git_dir.string());
  if (!env.get_nonempty("CUSTODY_PUSHER"))
    env.set("CUSTODY_PUSHER", std::string(pusher));
  return env;
}

} // namespace custody::cli
