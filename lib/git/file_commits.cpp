#include "git/file_commits.hpp"

#include "git/handles.hpp"

#include <fmt/format.h>
#include <git2.h>

namespace custody::git {

namespace {

namespace fs = std::filesystem;

using TreeBuilderPtr =
    std::unique_ptr<git_treebuilder, Deleter<git_treebuilder, git_treebuilder_free>>;
using BlobPtr = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using SignaturePtr = std::unique_ptr<git_signature, Deleter<git_signature, git_signature_free>>;

std::string hex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

// Writes the tree holding `files` (paths relative to this tree) and returns its id.
Result<git_oid> write_tree(git_repository* repo, const FileSet& files) {
  git_treebuilder* raw = nullptr;
  if (git_treebuilder_new(&raw, repo, nullptr) != 0)
    return git_error("cannot start a tree");
  TreeBuilderPtr builder(raw);
  std::map<std::string, FileSet> subdirs;
  for (const auto& [path, content] : files) {
    auto slash = path.find('/');
    if (slash != std::string::npos) {
      subdirs[path.substr(0, slash)][path.substr(slash + 1)] = content;
      continue;
    }
    git_oid blob;
    if (git_blob_create_from_buffer(&blob, repo, content.data(), content.size()) != 0)
      return git_error(fmt::format("cannot write {}", path));
    if (git_treebuilder_insert(nullptr, builder.get(), path.c_str(), &blob, GIT_FILEMODE_BLOB) != 0)
      return git_error(fmt::format("cannot add {} to a tree", path));
  }
  for (const auto& [name, sub] : subdirs) {
    auto tree = write_tree(repo, sub);
    if (!tree)
      return tree.error();
    if (git_treebuilder_insert(nullptr, builder.get(), name.c_str(), &*tree, GIT_FILEMODE_TREE) !=
        0)
      return git_error(fmt::format("cannot add {}/ to a tree", name));
  }
  git_oid id;
  if (git_treebuilder_write(&id, builder.get()) != 0)
    return git_error("cannot write a tree");
  return id;
}

struct WalkState {
  git_repository* repo;
  FileSet* files;
  bool failed = false;
};

int collect_blob(const char* root, const git_tree_entry* entry, void* payload) {
  auto* state = static_cast<WalkState*>(payload);
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
    return 0;
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, state->repo, git_tree_entry_id(entry)) != 0) {
    state->failed = true;
    return -1;
  }
  BlobPtr blob(raw);
  (*state->files)[fmt::format("{}{}", root, git_tree_entry_name(entry))] =
      std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                  static_cast<size_t>(git_blob_rawsize(blob.get())));
  return 0;
}

} // namespace

Result<Repo> init_bare(const fs::path& path, const std::string& branch) {
  git_repository_init_options options;
  // The init function, not the INIT macro: clang warns of the fields the macro leaves out.
  git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
  options.flags =
      GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
  options.initial_head = branch.c_str();
  git_repository* raw = nullptr;
  if (git_repository_init_ext(&raw, path.c_str(), &options) != 0)
    return git_error(fmt::format("cannot create the repository {}", path.string()));
  git_repository_free(raw);
  return Repo::open(path);
}

Result<std::vector<FileCommit>> file_commits(const Repo& repo, const std::string& ref) {
  std::vector<FileCommit> out;
  git_oid tip;
  int rc = git_reference_name_to_id(&tip, repo.raw(), ref.c_str());
  if (rc == GIT_ENOTFOUND)
    return out;
  if (rc != 0)
    return git_error(fmt::format("cannot read {}", ref));
  git_revwalk* raw_walk = nullptr;
  if (git_revwalk_new(&raw_walk, repo.raw()) != 0)
    return git_error("cannot walk commits");
  RevwalkPtr walk(raw_walk);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
  if (git_revwalk_push(walk.get(), &tip) != 0)
    return git_error(fmt::format("cannot walk {}", ref));
  git_oid id;
  while ((rc = git_revwalk_next(&id, walk.get())) == 0) {
    git_commit* raw_commit = nullptr;
    if (git_commit_lookup(&raw_commit, repo.raw(), &id) != 0)
      return git_error(fmt::format("cannot read commit {}", hex(&id)));
    CommitPtr commit(raw_commit);
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, commit.get()) != 0)
      return git_error(fmt::format("cannot read the tree of {}", hex(&id)));
    TreePtr tree(raw_tree);
    FileCommit entry{hex(&id), static_cast<int64_t>(git_commit_time(commit.get())), {}};
    WalkState state{repo.raw(), &entry.files};
    if (git_tree_walk(tree.get(), GIT_TREEWALK_PRE, collect_blob, &state) != 0 || state.failed)
      return git_error(fmt::format("cannot read the files of {}", hex(&id)));
    out.push_back(std::move(entry));
  }
  if (rc != GIT_ITEROVER)
    return git_error(fmt::format("cannot walk {}", ref));
  return out;
}

Result<std::string> append_file_commit(Repo& repo, const std::string& ref,
                                       const std::string& parent, const FileSet& files,
                                       const std::string& message, const std::string& name,
                                       const std::string& email) {
  auto tree_id = write_tree(repo.raw(), files);
  if (!tree_id)
    return tree_id.error();
  git_tree* raw_tree = nullptr;
  if (git_tree_lookup(&raw_tree, repo.raw(), &*tree_id) != 0)
    return git_error("cannot read the new tree");
  TreePtr tree(raw_tree);
  CommitPtr parent_commit;
  if (!parent.empty()) {
    git_oid parent_id;
    git_commit* raw_parent = nullptr;
    if (git_oid_fromstr(&parent_id, parent.c_str()) != 0 ||
        git_commit_lookup(&raw_parent, repo.raw(), &parent_id) != 0)
      return git_error(fmt::format("cannot read commit {}", parent));
    parent_commit.reset(raw_parent);
  }
  git_signature* raw_sig = nullptr;
  if (git_signature_now(&raw_sig, name.c_str(), email.c_str()) != 0)
    return git_error("cannot make the commit's signature");
  SignaturePtr sig(raw_sig);
  const git_commit* parents[] = {parent_commit.get()};
  git_oid commit_id;
  if (git_commit_create(&commit_id, repo.raw(), nullptr, sig.get(), sig.get(), "UTF-8",
                        message.c_str(), tree.get(), parent_commit ? 1 : 0, parents) != 0)
    return git_error("cannot write the commit");
  std::string id = hex(&commit_id);
  if (auto moved = repo.set_ref(ref, id, parent, message.substr(0, message.find('\n'))); !moved)
    return moved.error();
  return id;
}

} // namespace custody::git
