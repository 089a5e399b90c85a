#pragma once
// One annotated tag object as stored: what it points at and its message (pushed free text that
// secret scanning reads, docs/secrets.md).
#include "git/repo.hpp"

#include <string>

namespace custody::git {

struct TagObject {
  std::string id;
  std::string target; // the object it points at: a commit, a tree, a blob or another tag
  bool target_is_tag = false;
  std::string message; // raw message bytes; "" when the tag has none
};

// Error if `id` is not an annotated tag object.
Result<TagObject> read_tag(const Repo& repo, const std::string& id);

} // namespace custody::git
