#include "cli/check_env.hpp"

#include "identity/host_env.hpp"

namespace custody::cli {

util::Environment offline_env(util::Environment env, const std::filesystem::path& git_dir,
                              std::string_view pusher) {
  for (const char* var : {"GIT_QUARANTINE_PATH", "GIT_OBJECT_DIRECTORY",
                          "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PUSH_OPTION_COUNT"})
    env.unset(var);
  for (const char* var : identity::push_variables())
    env.unset(var);
  env.set("GIT_DIR", git_dir.string());
  if (!env.get_nonempty("CUSTODY_PUSHER"))
    env.set("CUSTODY_PUSHER", std::string(pusher));
  return env;
}

} // namespace custody::cli
