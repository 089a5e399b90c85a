#include "install/host_layout.hpp"

#include <algorithm>

namespace custody::install {

namespace fs = std::filesystem;

HookTarget hook_target(Host host, const fs::path& base, const std::string& hook) {
  switch (host) {
  case Host::gitea:
    return {base / "hooks" / (hook + ".d"), k_chained_name, hook};
  case Host::gitlab:
    return {base / "custom_hooks" / (hook + ".d"), k_chained_name, hook};
  case Host::gitlab_global:
    return {base / (hook + ".d"), k_chained_name, hook};
  case Host::gitolite:
    return {base / "hooks" / "common", hook, hook};
  case Host::gitolite_repo_specific:
    return {base / "hooks" / "repo-specific", std::string(k_chained_name) + "-" + hook, hook};
  case Host::plain:
  case Host::hooks_path:
    break;
  }
  return {base, hook, hook};
}

bool is_bare_repository(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "HEAD", ec) && fs::is_directory(dir / "objects", ec) &&
         fs::is_directory(dir / "refs", ec) && !fs::exists(dir / ".git", ec);
}

namespace {

void scan(const fs::path& dir, int depth, std::vector<fs::path>& found) {
  if (is_bare_repository(dir)) {
    found.push_back(dir);
    return;
  }
  if (depth == 0)
    return;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.' || name[0] == '+' || name == "@pools")
      continue;
    if (it->is_directory(ec) && !it->is_symlink(ec))
      scan(it->path(), depth - 1, found);
  }
}

} // namespace

std::vector<fs::path> find_bare_repositories(const fs::path& root) {
  std::vector<fs::path> found;
  // Gitea nests owner/repo.git; GitLab's hashed storage @hashed/ab/cd/<hash>.git: 4 levels.
  scan(root, 6, found);
  std::sort(found.begin(), found.end());
  return found;
}

} // namespace custody::install
