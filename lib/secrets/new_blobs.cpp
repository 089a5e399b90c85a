// new_blobs(): see new_blobs.hpp.
#include "secrets/new_blobs.hpp"

#include <unordered_set>

namespace custody::secrets {

Result<std::vector<NewBlob>> new_blobs(const git::Repo& repo, const std::vector<std::string>& tips,
                                       const std::vector<std::string>& hide) {
  std::vector<NewBlob> out;
  std::unordered_set<std::string> seen_blobs;
  std::unordered_set<std::string> seen_commits;
  for (size_t i = 0; i < tips.size(); ++i) {
    if (tips[i].empty())
      continue;
    auto ids = repo.commits_between(tips[i], hide);
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
      for (const auto& parent : parents) {
        auto changed = repo.diff_commits(parent, id);
        if (!changed)
          return changed.error();
        for (const auto& c : *changed) {
          if (c.deleted || c.blob_id.empty() || !seen_blobs.insert(c.blob_id).second)
            continue;
          out.push_back({c.blob_id, id, c.path, i});
        }
      }
    }
  }
  return out;
}

} // namespace custody::secrets
