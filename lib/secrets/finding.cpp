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

} // namespace custody::secrets
