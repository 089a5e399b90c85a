#pragma once
// A branch used as an append-only store of small text files (custody's ledger witness): each
// commit's tree is the whole set of files, each new commit has the branch's tip as its parent,
// and the branch only ever moves from the tip that was read (compare-and-swap), never rewound.
#include "git/repo.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace custody::git {

// path in the tree ("dir/file") -> content
using FileSet = std::map<std::string, std::string>;

struct FileCommit {
  std::string id;
  int64_t time = 0; // committer time, seconds since the epoch
  FileSet files;    // every blob of the commit's tree
};

// Creates a bare repository at `path` whose HEAD names `branch` (e.g. "main"), then opens it.
Result<Repo> init_bare(const std::filesystem::path& path, const std::string& branch);

// The commits reachable from `ref`, oldest first (an absent ref: none). Reads every file of
// every commit: meant for small stores.
Result<std::vector<FileCommit>> file_commits(const Repo& repo, const std::string& ref);

// Commits `files` as the whole tree on `ref`, with the ref's tip `parent` (empty: a root commit,
// the ref must not exist yet) as parent, and moves the ref only if it still points at `parent`.
// Returns the new commit's id.
Result<std::string> append_file_commit(Repo& repo, const std::string& ref,
                                       const std::string& parent, const FileSet& files,
                                       const std::string& message, const std::string& name,
                                       const std::string& email);

} // namespace custody::git
