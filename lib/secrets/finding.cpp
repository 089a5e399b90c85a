#include "secrets/finding.hpp"

namespace custody::secrets {

std::string_view location_name(Location l) {
  switch (l) {
  case Location::blob:
    return "blob";
  case Location::commit_message:
    return "commit-message";
  case Location::tag_message:
    return "tag-message";
  case Location::path:
    return "path";
  }
  return "unknown";
}

std::string finding_path(std::string_view path, const Finding& f) {
  std::string out(path);
  if (!f.inner_path.empty())
    out.append("!").append(f.inner_path);
  return out;
}

} // namespace custody::secrets
