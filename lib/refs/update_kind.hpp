#pragma once
// How a ref update changes history, decided on the objects of the push.
#include <string_view>

namespace custody::refs {

enum class UpdateKind {
  create,
  delete_ref,
  fast_forward,
  non_fast_forward, // a force push: the old tip is not an ancestor of the new one
  tag_create,
  tag_move,
  tag_delete,
  unchanged, // old == new
};

std::string_view to_string(UpdateKind kind); // "create", "delete", "fast-forward", "force", ...

} // namespace custody::refs
