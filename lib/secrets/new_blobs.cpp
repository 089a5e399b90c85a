// new_blobs(): see new_blobs.hpp.
#include "secrets/new_blobs.hpp"

#include <unordered_set>

namespace custody::secrets {

namespace {

// Commits reachable from `tip` that `is_old_commit` does not know, parents before children.
// Iterative post-order DFS: no recursion depth limit, each commit read once.
Result<std::vector<std::string>> walk_new_commits(const git::Repo& repo, const std::string& tip,
                                                  const IsOld& is_old_commit,
                                                  std::unordered_set<std::string>& visited) {
  std::vector<std::string> order;
  struct Frame {
    std::string id;
    std::vector<std::string> parents;
    size_t next = 0;
  };
  std::vector<Frame> stack;
  auto enter = [&](const std::string& id) -> Status {
    if (!visited.insert(id).second || is_old_commit(id))
      return ok_status();
    auto info = repo.commit(id);
    if (!info)
      return info.error();
    stack.push_back({id, info->parents, 0});
    return ok_status();
  };
  CUSTODY_TRY(enter(tip));
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next < top.parents.size()) {
      std::string parent = top.parents[top.next++];
      CUSTODY_TRY(enter(parent));
      continue;
    }
    order.push_back(std::move(top.id));
    stack.pop_back();
  }
  return order;
}

} // namespace

Result<std::vector<NewBlob>> new_blobs(const git::Repo& repo, const std::vector<std::string>& tips,
                                       const std::vector<std::string>& hide, const IsOld& is_old,
                                       const IsOld& is_old_commit,
                                       std::vector<NewCommit>* commits) {
  std::unordered_set<std::string> visited;
  std::vector<NewBlob> out;
  std::unordered_set<std::string> seen_blobs;
  std::unordered_set<std::string> seen_commits;
  for (size_t i = 0; i < tips.size(); ++i) {
    if (tips[i].empty())
      continue;
    auto ids = is_old_commit ? walk_new_commits(repo, tips[i], is_old_commit, visited)
                             : repo.commits_between(tips[i], hide);
    if (!ids)
      return ids.error();
    for (const auto& id : *ids) { // parents before children: first introducer wins
      if (!seen_commits.insert(id).second)
        continue;
      auto info = repo.commit(id);
      if (!info)
        return info.error();
      std::vector<std::string> parents = info->parents;
      if (parents.empty())
        parents.push_back(""); // a root commit: its whole tree is new
      NewCommit* text = nullptr;
      if (commits)
        text = &commits->emplace_back(NewCommit{id, std::move(info->message), {}, i});
      std::unordered_set<std::string> paths;
      for (const auto& parent : parents) {
        auto changed = repo.diff_commits(parent, id);
        if (!changed)
          return changed.error();
        for (const auto& c : *changed) {
          if (text && !c.deleted && paths.insert(c.path).second)
            text->paths.push_back(c.path);
          if (c.deleted || c.blob_id.empty() || !seen_blobs.insert(c.blob_id).second)
            continue;
          if (is_old(c.blob_id))
            continue;
          out.push_back({c.blob_id, id, c.path, i});
        }
      }
    }
  }
  return out;
}

} // namespace custody::secrets
