#pragma once
// Which blobs a push introduces: walk only the new commits (reachable from the pushed tips, from
// no existing ref), diff each against each parent (so content only a merge brings counts), keep
// blobs the pre-push object store lacks, once each, attributed to the first commit and path.
#include "git/repo.hpp"

#include <functional>
#include <string>
#include <vector>

namespace custody::secrets {

struct NewBlob {
  std::string id;
  std::string commit; // first new commit that brought it
  std::string path;
  size_t ref_index = 0; // which of the tips (and so which ref decision) brought it
};

// A commit the push introduces, with what it carries besides blob content: its message and the
// paths it adds or changes (scanned by pushed_text.hpp).
struct NewCommit {
  std::string id;
  std::string message;
  std::vector<std::string> paths; // every path it adds or changes, against each parent, once
  size_t ref_index = 0;
};

using IsOld = std::function<bool(const std::string&)>;

// `tips[i]` is the new commit of ref i (empty: nothing to walk). The new commits are found one
// of two ways: with `is_old_commit` (pre-receive: a commit is old when the pre-push object store
// has it), by walking parents from the tips and stopping at old commits, which costs what the
// push brings whatever the repository's size; without it, as those reachable from the tips and
// from none of `hide` (the commits existing refs point to). `is_old(blob)` says whether the
// repository already had the blob. With `commits`, each new commit is also appended there.
Result<std::vector<NewBlob>> new_blobs(const git::Repo& repo, const std::vector<std::string>& tips,
                                       const std::vector<std::string>& hide, const IsOld& is_old,
                                       const IsOld& is_old_commit = nullptr,
                                       std::vector<NewCommit>* commits = nullptr);

} // namespace custody::secrets
