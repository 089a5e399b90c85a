#include "policy/web_merge.hpp"

namespace custody::policy {

std::string web_merge_platform(const util::Environment& env) {
  if (env.get("GITEA_PUSH_TRIGGER") == std::optional<std::string>("pr-merge-to-base"))
    return "gitea";
  if (env.get("GL_PROTOCOL") == std::optional<std::string>("web"))
    return "gitlab";
  return "";
}

} // namespace custody::policy
