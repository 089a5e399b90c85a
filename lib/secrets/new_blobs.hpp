#pragma once
// The blobs a range of history brings, and where each one first appears (`custody scan A..B`).
#include "git/repo.hpp"

#include <string>
#include <vector>

namespace custody::secrets {

struct NewBlob {
  std::string id;
  std::string commit; // first new commit that brought it
  std::string path;
  size_t ref_index = 0; // which of the tips (and so which ref decision) brought it
};

// Blobs reachable from `tips[i]` (the new commit of ref i; empty: nothing to walk) and from none
// of `hide`: what each such commit changes against every one of its parents, each blob once,
// attributed to the first commit and path that brings it (`custody scan A..B`; pushes use the
// push scope, policy/push_scope.hpp).
Result<std::vector<NewBlob>> new_blobs(const git::Repo& repo, const std::vector<std::string>& tips,
                                       const std::vector<std::string>& hide);

} // namespace custody::secrets
