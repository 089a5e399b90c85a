#pragma once
// Which blobs `custody scan` reads from a repository's history, each once, with the commit and
// path it is reported under:
//   --all      every blob reachable from any ref or HEAD, attributed to the first commit
//              holding it;
//   A..B       the blobs the commits in B but not in A introduce (each diffed against each
//              parent, as the push check does, so merge-only content counts);
//   REV        the whole history of REV (every blob of every tree in it).
// With neither, HEAD's history.
#include "git/repo.hpp"
#include "secrets/new_blobs.hpp"

#include <string>
#include <vector>

namespace custody::secrets {

struct HistorySelection {
  bool all = false;
  std::vector<std::string> ranges; // "A..B" or a single revision
};

// The commits `--all` starts from: every ref's commit and a detached HEAD, each once.
Result<std::vector<std::string>> all_tips(const git::Repo& repo);

// `ref_index` of each blob is the index of the range that brought it (0 for --all).
Result<std::vector<NewBlob>> history_blobs(const git::Repo& repo,
                                           const HistorySelection& selection);

} // namespace custody::secrets
