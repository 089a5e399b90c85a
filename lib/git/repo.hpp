#pragma once
// The repository as the hooks and the admin CLI see it: the one place (with the rest of lib/git)
// that talks to libgit2. Push hooks must see the objects of the push while they are still in
// git's quarantine, which plain git_repository_open does not (docs/ARCHITECTURE.md, "Quarantine").
#include "git/commit_info.hpp"
#include "git/ref_files.hpp"
#include "util/env.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct git_repository;

namespace custody::git {

enum class ObjectKind { commit, tree, blob, tag, other };

struct ChangedPath {
  std::string path;
  std::string blob_id; // new blob id (empty for deletions)
  bool deleted = false;
};

class Repo {
public:
  // A push hook's repository: $GIT_DIR (relative to `cwd`, as git sets it to "."), with the push
  // quarantine ($GIT_QUARANTINE_PATH, else $GIT_OBJECT_DIRECTORY under Gitaly) added as an
  // object directory. Works for paths containing ':' and for delete-only pushes (no quarantine).
  static Result<Repo> open_for_hook(const util::Environment& env, const std::filesystem::path& cwd);
  // Any repository by path (bare, or a work tree whose .git is discovered), for the admin CLI.
  static Result<Repo> open(const std::filesystem::path& path);

  Repo(Repo&&) noexcept;
  Repo& operator=(Repo&&) noexcept;
  ~Repo();

  const std::filesystem::path& git_dir() const { return m_git_dir; }
  bool is_bare() const;
  // True when a push quarantine was added: the push's objects are not in the store yet.
  bool has_quarantine() const { return m_has_quarantine; }
  git_repository* raw() const { return m_repo; }

  Result<ObjectKind> object_kind(const std::string& id) const;
  // The commit an object ultimately points to (peels annotated tags); error if it is not one.
  Result<std::string> peel_to_commit(const std::string& id) const;
  // True if `descendant` contains `ancestor` in its history (or they are equal).
  Result<bool> contains(const std::string& descendant, const std::string& ancestor) const;
  Result<CommitInfo> commit(const std::string& id) const;
  Result<TagInfo> tag(const std::string& id) const;
  // The blob (or tree) id at `path` in the commit's tree, or nullopt when the path is absent.
  Result<std::optional<std::string>> entry_at(const std::string& commit_id,
                                              const std::string& path) const;
  // The ref a symbolic ref finally points to (following chains), or nullopt when `ref` is not a
  // symbolic ref. git applies a push to a symbolic ref to its target.
  std::optional<std::string> symbolic_target(const std::string& ref) const;
  // The commit HEAD resolves to (the default branch's tip in a bare repository), if any.
  std::optional<std::string> head_commit() const;
  // Commits reachable from `tip` but from none of `hide`, parents before children. Cost grows
  // with the number of commits returned (plus the walk to the merge base), not with history.
  Result<std::vector<std::string>> commits_between(const std::string& tip,
                                                   const std::vector<std::string>& hide) const;
  // Paths whose content differs between the commit and its first parent (all paths for a root).
  Result<std::vector<ChangedPath>> changed_paths(const std::string& commit_id) const;
  // Paths that differ between two trees' commits (`from` may be empty: the empty tree).
  Result<std::vector<ChangedPath>> diff_commits(const std::string& from,
                                                const std::string& to) const;
  // Calls `fn(ref_name, target_id)` for every ref (direct refs; symbolic ones are skipped).
  Status for_each_ref(const std::function<void(const std::string&, const std::string&)>& fn) const;
  // Direct refs matching any of `patterns`, at a cost that grows with the refs under the
  // patterns' literal prefixes rather than with all refs (git/ref_files.hpp).
  Result<std::vector<RefTip>> matching_refs(const std::vector<util::Glob>& patterns) const;
  // Blob content, or nullopt when the blob is larger than `max_bytes` (size is still reported).
  struct Blob {
    uint64_t size = 0;
    std::optional<std::string> content;
  };
  Result<Blob> read_blob(const std::string& id, uint64_t max_bytes) const;
  // Moves `ref` from `expected` to `id`, only if it still points at `expected` (empty: the ref
  // must not exist); an empty `id` deletes it. Writes `message` to the reflog. Used to restore a
  // mirror's refs; a ref that moved meanwhile is an error, never overwritten.
  Status set_ref(const std::string& ref, const std::string& id, const std::string& expected,
                 const std::string& message);
  // Value of a git config key from the repository's config, if set.
  std::optional<std::string> config_string(const std::string& key) const;
  // Sets a boolean in the repository's own config file (.git/config or config).
  Status set_config_bool(const std::string& key, bool value);
  // Sets a string in the repository's own config file.
  Status set_config_string(const std::string& key, const std::string& value);
  // The directory git runs this repository's hooks from: core.hooksPath (relative to the work
  // tree, or to the git dir when bare) or <git dir>/hooks.
  std::filesystem::path hooks_dir() const;

private:
  Repo(git_repository* repo, std::filesystem::path git_dir);
  git_repository* m_repo = nullptr;
  std::filesystem::path m_git_dir;
  bool m_has_quarantine = false;
};

// Turns libgit2's last error into our Error: "<operation>: <libgit2 message>".
Error git_error(const std::string& operation);

} // namespace custody::git
