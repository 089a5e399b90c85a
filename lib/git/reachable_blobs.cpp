// reachable_blobs(): see reachable_blobs.hpp. Trees are walked with an explicit stack, so a
// hostile, deeply nested tree cannot overflow the call stack.
#include "git/reachable_blobs.hpp"

#include "git/handles.hpp"

#include <fmt/format.h>
#include <git2.h>

#include <cstring>
#include <unordered_set>

namespace custody::git {

namespace {

struct OidHash {
  size_t operator()(const git_oid& oid) const {
    size_t h;
    std::memcpy(&h, oid.id, sizeof h); // object ids are uniformly distributed already
    return h;
  }
};
struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b) != 0; }
};
using OidSet = std::unordered_set<git_oid, OidHash, OidEqual>;

std::string hex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

// Hands the blobs of `root` (and its subtrees not seen yet) to `visit`, attributed to `commit_id`.
Status walk_tree(const Repo& repo, const git_oid& root, const std::string& commit_id,
                 OidSet& seen_trees, OidSet& seen_blobs,
                 const std::function<void(TreeBlob&&)>& visit) {
  struct Pending {
    git_oid tree;
    std::string prefix;
  };
  std::vector<Pending> stack;
  stack.push_back({root, {}});
  while (!stack.empty()) {
    Pending p = std::move(stack.back());
    stack.pop_back();
    git_tree* tree_raw = nullptr;
    if (git_tree_lookup(&tree_raw, repo.raw(), &p.tree) != 0)
      return git_error(fmt::format("cannot read tree {}{}", hex(&p.tree),
                                   commit_id.empty() ? "" : " of commit " + commit_id));
    TreePtr tree(tree_raw);
    const size_t n = git_tree_entrycount(tree.get());
    for (size_t i = 0; i < n; ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(tree.get(), i);
      const git_oid* id = git_tree_entry_id(e);
      switch (git_tree_entry_type(e)) {
      case GIT_OBJECT_TREE:
        if (seen_trees.insert(*id).second)
          stack.push_back({*id, p.prefix + git_tree_entry_name(e) + "/"});
        break;
      case GIT_OBJECT_BLOB:
        if (seen_blobs.insert(*id).second)
          visit({hex(id), commit_id, p.prefix + git_tree_entry_name(e)});
        break;
      default: // submodule commits live in other repositories
        break;
      }
    }
  }
  return ok_status();
}

} // namespace

Result<std::vector<TreeBlob>> reachable_blobs(const Repo& repo,
                                              const std::vector<std::string>& tips) {
  std::vector<TreeBlob> out;
  auto walked =
      for_each_reachable_blob(repo, tips, [&](TreeBlob&& b) { out.push_back(std::move(b)); });
  if (!walked)
    return walked.error();
  return out;
}

Status for_each_reachable_blob(const Repo& repo, const std::vector<std::string>& tips,
                               const std::function<void(TreeBlob&&)>& visit) {
  if (tips.empty())
    return ok_status();
  git_revwalk* walk_raw = nullptr;
  if (git_revwalk_new(&walk_raw, repo.raw()) != 0)
    return git_error("cannot walk history");
  RevwalkPtr walk(walk_raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
  for (const auto& tip : tips) {
    git_oid oid;
    if (git_oid_fromstrn(&oid, tip.data(), tip.size()) != 0 ||
        git_revwalk_push(walk.get(), &oid) != 0)
      return git_error(fmt::format("cannot walk history from {}", tip));
  }

  OidSet seen_trees;
  OidSet seen_blobs;
  git_oid commit_oid;
  int rc = 0;
  while ((rc = git_revwalk_next(&commit_oid, walk.get())) == 0) {
    git_commit* commit_raw = nullptr;
    if (git_commit_lookup(&commit_raw, repo.raw(), &commit_oid) != 0)
      return git_error(fmt::format("cannot read commit {}", hex(&commit_oid)));
    CommitPtr commit(commit_raw);
    const git_oid* root = git_commit_tree_id(commit.get());
    if (!seen_trees.insert(*root).second)
      continue;
    const std::string commit_id = hex(&commit_oid);
    CUSTODY_TRY(walk_tree(repo, *root, commit_id, seen_trees, seen_blobs, visit));
  }
  if (rc != GIT_ITEROVER)
    return git_error("cannot walk history");
  return ok_status();
}

Result<std::vector<TreeBlob>> tree_blobs(const Repo& repo, const std::string& tree_id) {
  git_oid oid;
  if (git_oid_fromstrn(&oid, tree_id.data(), tree_id.size()) != 0)
    return make_error(ErrorCode::invalid_input, fmt::format("not an object id: {}", tree_id));
  OidSet seen_trees{oid};
  OidSet seen_blobs;
  std::vector<TreeBlob> out;
  CUSTODY_TRY(walk_tree(repo, oid, "", seen_trees, seen_blobs,
                        [&](TreeBlob&& b) { out.push_back(std::move(b)); }));
  return out;
}

} // namespace custody::git
