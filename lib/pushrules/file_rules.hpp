#pragma once
// The rules about the files a ref gains: prohibited paths (files a new commit adds, not ones it
// only changes) and the maximum file size (blobs new to the repository only; Git LFS pointer
// files are exempt: the content they stand for is not in git). Blob sizes are read from object
// headers, once per push, and only for new blobs.
#include "policy/push_context.hpp"
#include "pushrules/rules.hpp"

#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace custody::pushrules {

// Git LFS pointer files are at most this large (git-lfs's own limit) and start with this line.
inline constexpr uint64_t k_lfs_pointer_max_bytes = 1024;
inline constexpr std::string_view k_lfs_pointer_prefix =
    "version https://git-lfs.github.com/spec/v1";

// What the file rules learn about objects, shared by every ref and ruleset of one push.
class FileFacts {
public:
  FileFacts(const git::Repo& repo, const policy::Introduced& introduced);
  struct BlobSize {
    uint64_t size = 0;
    bool lfs_pointer = false;
  };
  // The size of `blob` if the push introduces it, else nullopt (old content is not judged).
  Result<std::optional<BlobSize>> new_blob(const std::string& blob);
  // True if `path` is absent from the commit's first parent (or the commit has none).
  Result<bool> adds(const policy::IntroducedCommit& commit, const std::string& path);

private:
  const git::Repo& m_repo;
  std::unordered_set<std::string> m_new_blobs;
  std::map<std::string, BlobSize> m_sizes;
};

// Appends to `d` the violations of `ruleset`'s file rules in the commits it gains (`commits`,
// indices into `introduced.commits`) and in blobs or trees its ref points at directly.
void check_files(const policy::Introduced& introduced, const std::vector<size_t>& commits,
                 size_t ref_index, const policy::Ruleset& ruleset, const PushRules& rules,
                 FileFacts& facts, policy::RefDecision& d);

} // namespace custody::pushrules
