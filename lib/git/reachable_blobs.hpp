#pragma once
// Every blob in the history of some commits, each once: what `custody scan --all` reads. Walks
// commits parents-first and each distinct tree only once, so the cost is the number of distinct
// trees and blobs in the history, not commits × files (a history of 100k commits over a 10k-file
// tree touches each unchanged subtree once, not 100k times), and no diff is computed.
#include "git/repo.hpp"

#include <functional>
#include <string>
#include <vector>

namespace custody::git {

struct TreeBlob {
  std::string id;     // blob id
  std::string commit; // the first commit (parents before children) whose tree holds it
  std::string path;   // a path of the blob in that commit's tree
};

// The blobs of every tree of every commit reachable from `tips` (commit ids). Submodule entries
// (commits inside trees) are not followed.
Result<std::vector<TreeBlob>> reachable_blobs(const Repo& repo,
                                              const std::vector<std::string>& tips);

// Every blob of one tree (a ref or tag may point straight at a tree), each once; `commit` is empty.
Result<std::vector<TreeBlob>> tree_blobs(const Repo& repo, const std::string& tree_id);

// The same blobs, handed to `visit` as they are found, so a caller can stream them instead of
// holding the whole list (`custody scan --all` on a large history). Memory: the sets of tree and
// blob ids already seen (20 bytes each plus the hash table's overhead).
Status for_each_reachable_blob(const Repo& repo, const std::vector<std::string>& tips,
                               const std::function<void(TreeBlob&&)>& visit);

} // namespace custody::git
