#include "pushrules/file_rules.hpp"

#include "pushrules/violation.hpp"

#include <fmt/format.h>

#include <set>

namespace custody::pushrules {

FileFacts::FileFacts(const git::Repo& repo, const policy::Introduced& introduced) : m_repo(repo) {
  m_new_blobs.reserve(introduced.blobs.size());
  for (const auto& b : introduced.blobs)
    m_new_blobs.insert(b.id);
}

Result<std::optional<FileFacts::BlobSize>> FileFacts::new_blob(const std::string& blob) {
  if (!m_new_blobs.count(blob))
    return std::optional<BlobSize>{};
  if (auto it = m_sizes.find(blob); it != m_sizes.end())
    return std::optional<BlobSize>{it->second};
  // Only a blob small enough to be a pointer is read; for the rest the header gives the size.
  auto read = m_repo.read_blob(blob, k_lfs_pointer_max_bytes);
  if (!read)
    return read.error();
  BlobSize size{read->size, read->content && read->content->rfind(k_lfs_pointer_prefix, 0) == 0};
  m_sizes.emplace(blob, size);
  return std::optional<BlobSize>{size};
}

Result<bool> FileFacts::adds(const policy::IntroducedCommit& commit, const std::string& path) {
  if (commit.parents.empty())
    return true;
  auto entry = m_repo.entry_at(commit.parents.front(), path);
  if (!entry)
    return entry.error();
  return !entry->has_value();
}

namespace {

class FileCheck {
public:
  FileCheck(const policy::Ruleset& r, const PushRules& rules, FileFacts& facts,
            policy::RefDecision& d)
      : m_r(r), m_rules(rules), m_facts(facts), m_d(d) {}

  // Returns false after a read error (recorded as a refusing violation).
  bool commit(const policy::IntroducedCommit& c) {
    for (size_t i = 0; i < c.paths.size(); ++i)
      if (!prohibited(c, c.paths[i]) || !size(c.id, c.paths[i], c.blobs[i]))
        return false;
    return true;
  }

  bool size(const std::string& commit, const std::string& path, const std::string& blob) {
    if (!m_rules.max_file_bytes || m_reported.count(blob))
      return true;
    auto facts = m_facts.new_blob(blob);
    if (!facts)
      return unreadable(facts.error());
    if (!*facts || (*facts)->size <= *m_rules.max_file_bytes || (*facts)->lfs_pointer)
      return true;
    m_reported.insert(blob);
    add(commit, path,
        violation(m_r, "max_file_bytes",
                  fmt::format("file {} is {} bytes, over ruleset \"{}\"'s max_file_bytes of {}",
                              path.empty() ? blob : path, (*facts)->size, m_r.name,
                              *m_rules.max_file_bytes),
                  "remove it from the commits (git rm --cached, then git commit --amend or git "
                  "rebase -i) and store it with Git LFS (git lfs track), which pushes a small "
                  "pointer instead"));
    return true;
  }

private:
  bool prohibited(const policy::IntroducedCommit& c, const std::string& path) {
    for (const auto& glob : m_rules.prohibited_paths) {
      if (!glob.matches(path))
        continue;
      auto added = m_facts.adds(c, path);
      if (!added)
        return unreadable(added.error());
      if (*added)
        add(c.id, path,
            violation(m_r, "prohibited_paths",
                      fmt::format("new file {} matches \"{}\" in ruleset \"{}\"'s "
                                  "prohibited_paths",
                                  path, glob.pattern(), m_r.name),
                      "remove it from the commit (git rm --cached, then git commit --amend or "
                      "git rebase -i), add it to .gitignore, and push again"));
      return true;
    }
    return true;
  }

  void add(const std::string& commit, const std::string& path, policy::Violation v) {
    v.ref = m_d.update.ref;
    v.commit = commit;
    v.path = path;
    m_d.violations.push_back(std::move(v));
  }

  bool unreadable(const Error& e) {
    auto v = violation(m_r, "unreadable",
                       fmt::format("the files this push brings could not be read, so ruleset "
                                   "\"{}\"'s file rules cannot be checked: {}",
                                   m_r.name, e.message),
                       "retry the push; if it keeps failing, an administrator should run `git "
                       "fsck` on the server");
    v.ref = m_d.update.ref;
    m_d.violations.push_back(std::move(v));
    return false;
  }

  const policy::Ruleset& m_r;
  const PushRules& m_rules;
  FileFacts& m_facts;
  policy::RefDecision& m_d;
  std::set<std::string> m_reported; // blobs reported for this ref and ruleset
};

} // namespace

void check_files(const policy::Introduced& introduced, const std::vector<size_t>& commits,
                 size_t ref_index, const policy::Ruleset& ruleset, const PushRules& rules,
                 FileFacts& facts, policy::RefDecision& d) {
  FileCheck check(ruleset, rules, facts, d);
  for (size_t i : commits)
    if (!check.commit(introduced.commits[i]))
      return;
  // Trees and blobs a ref points at directly (no commit brings them).
  for (const auto& b : introduced.blobs)
    if (b.commit.empty() && b.ref_index == ref_index && !check.size("", b.path, b.id))
      return;
}

} // namespace custody::pushrules
