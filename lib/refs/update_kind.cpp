#include "refs/update_kind.hpp"

namespace custody::refs {

std::string_view to_string(UpdateKind kind) {
  switch (kind) {
  case UpdateKind::create:
    return "create";
  case UpdateKind::delete_ref:
    return "delete";
  case UpdateKind::fast_forward:
    return "fast-forward";
  case UpdateKind::non_fast_forward:
    return "force";
  case UpdateKind::tag_create:
    return "tag-create";
  case UpdateKind::tag_move:
    return "tag-move";
  case UpdateKind::tag_delete:
    return "tag-delete";
  case UpdateKind::unchanged:
    return "unchanged";
  }
  return "unknown";
}

} // namespace custody::refs
