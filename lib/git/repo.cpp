#include "git/repo.hpp"

#include "git/handles.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>
#include <git2.h>

namespace custody::git {

namespace fs = std::filesystem;

Error git_error(const std::string& operation) {
  const ::git_error* e = git_error_last();
  std::string detail = e && e->message ? e->message : "unknown libgit2 error";
  return make_error(ErrorCode::git_failure, fmt::format("{}: {}", operation, detail));
}

namespace {

Result<git_oid> parse_oid(const std::string& id) {
  git_oid oid;
  if (id.size() != GIT_OID_HEXSZ || git_oid_fromstr(&oid, id.c_str()) != 0)
    return make_error(ErrorCode::invalid_input,
                      fmt::format("not a SHA-1 object id: \"{}\"", util::printable(id)));
  return oid;
}

std::string oid_hex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

Signature to_signature(const git_signature* s) {
  return s ? Signature{s->name ? s->name : "", s->email ? s->email : "", s->when.time}
           : Signature{};
}

// libgit2 1.5 cannot read SHA-256 repositories or reftable; say so plainly instead of passing on
// libgit2's "unsupported extension name" message.
Error open_error(const fs::path& path) {
  Error e = git_error(fmt::format("cannot open repository {}", path.string()));
  if (e.message.find("objectformat") != std::string::npos)
    e = make_error(
        ErrorCode::unsupported,
        fmt::format("{} is a SHA-256 repository, which custody cannot read yet", path.string()),
        "custody refuses pushes it cannot check; keep this repository on SHA-1 or remove the hook");
  else if (e.message.find("not owned by current user") != std::string::npos)
    e.hint = "run the hook as the repository's owner, or add the exact path to safe.directory in "
             "that user's global git config";
  return e;
}

} // namespace

Repo::Repo(git_repository* repo, fs::path git_dir) : m_repo(repo), m_git_dir(std::move(git_dir)) {}
Repo::Repo(Repo&& other) noexcept
    : m_repo(std::exchange(other.m_repo, nullptr)), m_git_dir(std::move(other.m_git_dir)),
      m_has_quarantine(other.m_has_quarantine) {}
Repo& Repo::operator=(Repo&& other) noexcept {
  if (this != &other) {
    git_repository_free(m_repo);
    m_repo = std::exchange(other.m_repo, nullptr);
    m_git_dir = std::move(other.m_git_dir);
    m_has_quarantine = other.m_has_quarantine;
  }
  return *this;
}
Repo::~Repo() {
  git_repository_free(m_repo);
}

Result<Repo> Repo::open_for_hook(const util::Environment& env, const fs::path& cwd) {
  // Strategy D (HOOK-CONTRACTS.md §2.3): open $GIT_DIR itself, never GIT_REPOSITORY_OPEN_FROM_ENV
  // (it mangles C-quoted alternates when the path contains ':' and fails on GIT_WORK_TREE),
  // then add the quarantine as an object directory. Gitaly forwards only GIT_OBJECT_DIRECTORY.
  fs::path git_dir = env.get_nonempty("GIT_DIR").value_or(".");
  if (git_dir.is_relative())
    git_dir = cwd / git_dir;
  git_dir = git_dir.lexically_normal();
  // git itself chose this repository and ran its own safe.directory check before starting the
  // hook; libgit2 1.5's stricter owner check would only break set-ups where the hook's user
  // differs from the owner (git-http-backend under www-data).
  git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, git_dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0)
    return open_error(git_dir);
  Repo repo(raw, fs::path(git_repository_path(raw)).lexically_normal());
  auto quarantine = env.get_nonempty("GIT_QUARANTINE_PATH");
  if (!quarantine)
    quarantine = env.get_nonempty("GIT_OBJECT_DIRECTORY");
  if (quarantine) {
    fs::path q = fs::path(*quarantine).is_relative() ? cwd / *quarantine : fs::path(*quarantine);
    std::error_code ec;
    if (!fs::equivalent(q, repo.m_git_dir / "objects", ec)) {
      if (!fs::is_directory(q))
        return make_error(
            ErrorCode::not_found, fmt::format("push quarantine {} does not exist", q.string()),
            "git removes the quarantine after the push; run custody only as a pre-receive hook");
      git_odb* odb = nullptr;
      if (git_repository_odb(&odb, raw) != 0)
        return git_error("cannot read the object database");
      OdbPtr guard(odb);
      if (git_odb_add_disk_alternate(odb, q.c_str()) != 0)
        return git_error(fmt::format("cannot read the push quarantine {}", q.string()));
      repo.m_has_quarantine = true;
    }
  }
  return repo;
}

Result<Repo> Repo::open(const fs::path& path) {
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0)
    return open_error(path);
  return Repo(raw, fs::path(git_repository_path(raw)).lexically_normal());
}

bool Repo::is_bare() const {
  return git_repository_is_bare(m_repo) != 0;
}

namespace {

Result<ObjectPtr> lookup_object(git_repository* repo, const std::string& id) {
  auto oid = parse_oid(id);
  if (!oid)
    return oid.error();
  git_object* obj = nullptr;
  if (git_object_lookup(&obj, repo, &*oid, GIT_OBJECT_ANY) != 0)
    return git_error(fmt::format("cannot read object {}", id));
  return ObjectPtr(obj);
}

} // namespace

Result<ObjectKind> Repo::object_kind(const std::string& id) const {
  auto obj = lookup_object(m_repo, id);
  if (!obj)
    return obj.error();
  switch (git_object_type(obj->get())) {
  case GIT_OBJECT_COMMIT:
    return ObjectKind::commit;
  case GIT_OBJECT_TREE:
    return ObjectKind::tree;
  case GIT_OBJECT_BLOB:
    return ObjectKind::blob;
  case GIT_OBJECT_TAG:
    return ObjectKind::tag;
  default:
    return ObjectKind::other;
  }
}

Result<std::string> Repo::peel_to_commit(const std::string& id) const {
  auto obj = lookup_object(m_repo, id);
  if (!obj)
    return obj.error();
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, obj->get(), GIT_OBJECT_COMMIT) != 0)
    return make_error(ErrorCode::invalid_input,
                      fmt::format("object {} does not point to a commit", id));
  ObjectPtr peeled_guard(peeled);
  return oid_hex(git_object_id(peeled));
}

Result<bool> Repo::contains(const std::string& descendant, const std::string& ancestor) const {
  auto d = parse_oid(descendant);
  auto a = parse_oid(ancestor);
  if (!d)
    return d.error();
  if (!a)
    return a.error();
  if (git_oid_equal(&*d, &*a))
    return true;
  int rc = git_graph_descendant_of(m_repo, &*d, &*a);
  if (rc < 0)
    return git_error(fmt::format("cannot compare history of {} and {}", descendant, ancestor));
  return rc == 1;
}

std::string CommitInfo::subject() const {
  auto end = message.find('\n');
  return message.substr(0, end);
}

Result<CommitInfo> Repo::commit(const std::string& id) const {
  auto oid = parse_oid(id);
  if (!oid)
    return oid.error();
  git_commit* c = nullptr;
  if (git_commit_lookup(&c, m_repo, &*oid) != 0)
    return git_error(fmt::format("cannot read commit {}", id));
  CommitPtr guard(c);
  CommitInfo info;
  info.id = id;
  for (unsigned i = 0; i < git_commit_parentcount(c); ++i)
    info.parents.push_back(oid_hex(git_commit_parent_id(c, i)));
  info.author = to_signature(git_commit_author(c));
  info.committer = to_signature(git_commit_committer(c));
  const char* raw = git_commit_message_raw(c);
  info.message = raw ? raw : "";
  return info;
}

namespace {
Result<TreePtr> commit_tree(git_repository* repo, const std::string& id);
} // namespace

Result<TagInfo> Repo::tag(const std::string& id) const {
  auto oid = parse_oid(id);
  if (!oid)
    return oid.error();
  git_tag* t = nullptr;
  if (git_tag_lookup(&t, m_repo, &*oid) != 0)
    return git_error(fmt::format("cannot read tag {}", id));
  TagPtr guard(t);
  TagInfo info;
  info.id = id;
  info.target = oid_hex(git_tag_target_id(t));
  info.name = git_tag_name(t) ? git_tag_name(t) : "";
  if (const git_signature* tagger = git_tag_tagger(t))
    info.tagger = to_signature(tagger);
  info.message = git_tag_message(t) ? git_tag_message(t) : "";
  return info;
}

Result<std::optional<std::string>> Repo::entry_at(const std::string& commit_id,
                                                  const std::string& path) const {
  auto tree = commit_tree(m_repo, commit_id);
  if (!tree)
    return tree.error();
  git_tree_entry* entry = nullptr;
  int rc = git_tree_entry_bypath(&entry, tree->get(), path.c_str());
  if (rc == GIT_ENOTFOUND)
    return std::optional<std::string>();
  if (rc != 0)
    return git_error(fmt::format("cannot read {} in commit {}", path, commit_id));
  std::string id = oid_hex(git_tree_entry_id(entry));
  git_tree_entry_free(entry);
  return std::optional<std::string>(std::move(id));
}

std::optional<std::string> Repo::symbolic_target(const std::string& ref) const {
  std::string name = ref;
  bool symbolic = false;
  for (int depth = 0; depth < 5; ++depth) { // git's own limit for symref chains
    git_reference* r = nullptr;
    if (git_reference_lookup(&r, m_repo, name.c_str()) != 0)
      break;
    ReferencePtr guard(r);
    if (git_reference_type(r) != GIT_REFERENCE_SYMBOLIC)
      break;
    symbolic = true;
    name = git_reference_symbolic_target(r);
  }
  return symbolic ? std::optional<std::string>(name) : std::nullopt;
}

std::optional<std::string> Repo::head_commit() const {
  git_oid oid;
  if (git_reference_name_to_id(&oid, m_repo, "HEAD") != 0)
    return std::nullopt;
  auto peeled = peel_to_commit(oid_hex(&oid));
  if (!peeled)
    return std::nullopt;
  return *peeled;
}

Result<std::vector<std::string>> Repo::commits_between(const std::string& tip,
                                                       const std::vector<std::string>& hide) const {
  auto tip_oid = parse_oid(tip);
  if (!tip_oid)
    return tip_oid.error();
  git_revwalk* walk = nullptr;
  if (git_revwalk_new(&walk, m_repo) != 0)
    return git_error("cannot walk history");
  RevwalkPtr guard(walk);
  git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
  if (git_revwalk_push(walk, &*tip_oid) != 0)
    return git_error(fmt::format("cannot walk from {}", tip));
  for (const auto& h : hide) {
    auto oid = parse_oid(h);
    if (!oid)
      return oid.error();
    if (git_revwalk_hide(walk, &*oid) != 0)
      return git_error(fmt::format("cannot exclude history of {}", h));
  }
  std::vector<std::string> out;
  git_oid oid;
  int rc;
  while ((rc = git_revwalk_next(&oid, walk)) == 0)
    out.push_back(oid_hex(&oid));
  if (rc != GIT_ITEROVER)
    return git_error(fmt::format("cannot walk history of {}", tip));
  return out;
}

namespace {

Result<TreePtr> commit_tree(git_repository* repo, const std::string& id) {
  if (id.empty())
    return TreePtr{};
  auto oid = parse_oid(id);
  if (!oid)
    return oid.error();
  git_commit* c = nullptr;
  if (git_commit_lookup(&c, repo, &*oid) != 0)
    return git_error(fmt::format("cannot read commit {}", id));
  CommitPtr guard(c);
  git_tree* tree = nullptr;
  if (git_commit_tree(&tree, c) != 0)
    return git_error(fmt::format("cannot read the tree of {}", id));
  return TreePtr(tree);
}

} // namespace

Result<std::vector<ChangedPath>> Repo::diff_commits(const std::string& from,
                                                    const std::string& to) const {
  auto old_tree = commit_tree(m_repo, from);
  if (!old_tree)
    return old_tree.error();
  auto new_tree = commit_tree(m_repo, to);
  if (!new_tree)
    return new_tree.error();
  git_diff_options options;
  git_diff_options_init(
      &options, GIT_DIFF_OPTIONS_VERSION); // the macro trips clang's -Wmissing-field-initializers
  options.flags = GIT_DIFF_SKIP_BINARY_CHECK;
  git_diff* diff = nullptr;
  if (git_diff_tree_to_tree(&diff, m_repo, old_tree->get(), new_tree->get(), &options) != 0)
    return git_error(
        fmt::format("cannot diff {} against {}", to, from.empty() ? "the empty tree" : from));
  DiffPtr guard(diff);
  std::vector<ChangedPath> out;
  for (size_t i = 0, n = git_diff_num_deltas(diff); i < n; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff, i);
    if (delta->status == GIT_DELTA_DELETED) {
      out.push_back({delta->old_file.path, "", true});
    } else if (delta->new_file.mode != GIT_FILEMODE_COMMIT) { // submodule links are not blobs
      out.push_back({delta->new_file.path, oid_hex(&delta->new_file.id), false});
    }
  }
  return out;
}

Result<std::vector<ChangedPath>> Repo::changed_paths(const std::string& commit_id) const {
  auto info = commit(commit_id);
  if (!info)
    return info.error();
  return diff_commits(info->parents.empty() ? "" : info->parents.front(), commit_id);
}

Result<std::vector<RefTip>> Repo::matching_refs(const std::vector<util::Glob>& patterns) const {
  return read_matching_refs(git_repository_commondir(m_repo), patterns);
}

// The project's one ref reader (git/ref_files), with a pattern that matches every ref.
Status
Repo::for_each_ref(const std::function<void(const std::string&, const std::string&)>& fn) const {
  static const std::vector<util::Glob> k_all = {
      *util::Glob::compile("refs/**", util::GlobSyntax::path)};
  auto refs = matching_refs(k_all);
  if (!refs)
    return refs.error();
  for (const auto& r : *refs)
    fn(r.name, r.target);
  return ok_status();
}

Result<Repo::Blob> Repo::read_blob(const std::string& id, uint64_t max_bytes) const {
  auto oid = parse_oid(id);
  if (!oid)
    return oid.error();
  git_odb* odb = nullptr;
  if (git_repository_odb(&odb, m_repo) != 0)
    return git_error("cannot read the object database");
  OdbPtr odb_guard(odb);
  size_t size = 0;
  git_object_t type;
  if (git_odb_read_header(&size, &type, odb, &*oid) != 0)
    return git_error(fmt::format("cannot read blob {}", id));
  Blob blob;
  blob.size = size;
  if (size > max_bytes)
    return blob;
  git_odb_object* obj = nullptr;
  if (git_odb_read(&obj, odb, &*oid) != 0)
    return git_error(fmt::format("cannot read blob {}", id));
  OdbObjectPtr guard(obj);
  blob.content.emplace(static_cast<const char*>(git_odb_object_data(obj)),
                       git_odb_object_size(obj));
  return blob;
}

std::optional<std::string> Repo::config_string(const std::string& key) const {
  git_config* cfg = nullptr;
  if (git_repository_config_snapshot(&cfg, m_repo) != 0)
    return std::nullopt;
  ConfigPtr guard(cfg);
  const char* value = nullptr;
  if (git_config_get_string(&value, cfg, key.c_str()) != 0)
    return std::nullopt;
  return std::string(value);
}

namespace {

// The repository's own config file (not the global or system ones), for writing.
Result<ConfigPtr> local_config(git_repository* repo) {
  git_config* cfg = nullptr;
  if (git_repository_config(&cfg, repo) != 0)
    return git_error("cannot open the repository's config");
  ConfigPtr guard(cfg);
  git_config* local = nullptr;
  if (git_config_open_level(&local, cfg, GIT_CONFIG_LEVEL_LOCAL) != 0)
    return git_error("cannot open the repository's own config file");
  return ConfigPtr(local);
}

} // namespace

Status Repo::set_config_bool(const std::string& key, bool value) {
  auto local = local_config(m_repo);
  if (!local)
    return local.error();
  if (git_config_set_bool(local->get(), key.c_str(), value ? 1 : 0) != 0)
    return git_error(fmt::format("cannot set {}", key));
  return ok_status();
}

Status Repo::set_config_string(const std::string& key, const std::string& value) {
  auto local = local_config(m_repo);
  if (!local)
    return local.error();
  if (git_config_set_string(local->get(), key.c_str(), value.c_str()) != 0)
    return git_error(fmt::format("cannot set {}", key));
  return ok_status();
}

Status Repo::set_ref(const std::string& ref, const std::string& id, const std::string& expected,
                     const std::string& message) {
  if (id.empty()) {
    git_reference* current = nullptr;
    if (git_reference_lookup(&current, m_repo, ref.c_str()) != 0)
      return git_error(fmt::format("cannot read {}", ref));
    ReferencePtr guard(current);
    const git_oid* target = git_reference_target(current);
    if (!target || oid_hex(target) != expected)
      return make_error(ErrorCode::git_failure,
                        fmt::format("{} moved meanwhile; not deleting it", ref));
    if (git_reference_delete(current) != 0)
      return git_error(fmt::format("cannot delete {}", ref));
    return ok_status();
  }
  auto oid = parse_oid(id);
  if (!oid)
    return oid.error();
  git_reference* out = nullptr;
  int rc = 0;
  if (expected.empty()) {
    rc = git_reference_create(&out, m_repo, ref.c_str(), &*oid, 0, message.c_str());
  } else {
    auto old = parse_oid(expected);
    if (!old)
      return old.error();
    rc = git_reference_create_matching(&out, m_repo, ref.c_str(), &*oid, 1, &*old, message.c_str());
  }
  ReferencePtr guard(out);
  if (rc != 0)
    return git_error(fmt::format("cannot set {} to {}", ref, id));
  return ok_status();
}

std::filesystem::path Repo::hooks_dir() const {
  if (auto configured = config_string("core.hooksPath"); configured && !configured->empty()) {
    fs::path p = *configured;
    if (p.is_relative()) {
      const char* workdir = git_repository_workdir(m_repo);
      p = (workdir ? fs::path(workdir) : m_git_dir) / p;
    }
    return p.lexically_normal();
  }
  return m_git_dir / "hooks";
}

} // namespace custody::git
