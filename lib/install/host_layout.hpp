#pragma once
// Where each git host runs custom hooks, so `custody install` can put custody beside the host's
// own hooks instead of replacing them (docs/hosts/*.md, HOOK-CONTRACTS.md §3-§5, §8):
//   Gitea/Forgejo  <repo>.git/hooks/<hook>.d/custody          (run by Gitea's generated wrapper)
//   GitLab/Gitaly  <repo>.git/custom_hooks/<hook>.d/custody   (per repository)
//                  <custom_hooks_dir>/<hook>.d/custody         (server-wide)
//   gitolite       $LOCAL_CODE/hooks/common/<hook>             (symlinked into every repository)
//                  $LOCAL_CODE/hooks/repo-specific/custody-<hook> (`option hook.<hook> = ...`)
#include <filesystem>
#include <string>
#include <vector>

namespace custody::install {

// The file name custody takes inside a host's `<hook>.d/` directory.
inline constexpr const char* k_chained_name = "custody";

enum class Host {
  plain,
  gitea,
  gitlab,
  gitlab_global,
  gitolite,
  gitolite_repo_specific,
  hooks_path
};

// One place a hook goes: `dir/name` becomes a link to the hook executable `hook`.
struct HookTarget {
  std::filesystem::path dir;
  std::string name;
  std::string hook; // pre-receive, update or commit-msg
};

// The target for `hook` under `base` (a repository for gitea/gitlab, a directory otherwise).
HookTarget hook_target(Host host, const std::filesystem::path& base, const std::string& hook);

// True if `dir` looks like a bare repository (HEAD, objects/ and refs/).
bool is_bare_repository(const std::filesystem::path& dir);

// `root` itself when it is a bare repository, else every bare repository below it (sorted),
// without descending into repositories or into GitLab's object pools (@pools) and Gitaly's
// scratch directories (+gitaly).
std::vector<std::filesystem::path> find_bare_repositories(const std::filesystem::path& root);

} // namespace custody::install
