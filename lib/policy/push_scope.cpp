// PushScope: see push_scope.hpp.
#include "policy/push_scope.hpp"

#include "git/base_objects.hpp"
#include "git/reachable_blobs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace custody::policy {

namespace {

// A walk that stops at no quarantine boundary and still yields more commits than this is a new
// ref at an old commit: hiding every ref is then cheaper than scanning that history.
constexpr size_t k_short_walk = 5000;
// Annotated tags may point at annotated tags; git itself gives up peeling much sooner.
constexpr int k_max_tag_depth = 32;

struct Tips {
  std::vector<std::pair<std::string, size_t>> commits, trees, blobs; // id, ref index
};

std::string walk_key(const std::string& tip, std::vector<std::string> hide) {
  std::sort(hide.begin(), hide.end());
  std::string key = tip;
  for (const auto& h : hide)
    key += "|" + h;
  return key;
}

// Commits reachable from `tip` that are neither in `stop` nor in the pre-push store, parents
// before children (iterative post-order: no recursion limit, each commit read once). Commits the
// store has are not descended into: they are returned in `boundary`, each with the ref index.
Status walk_quarantine(const git::Repo& repo, const git::BaseObjects& base, const std::string& tip,
                       size_t ref, const std::unordered_set<std::string>& stop,
                       std::unordered_set<std::string>& visited, std::vector<IntroducedCommit>& out,
                       std::vector<std::pair<std::string, size_t>>& boundary) {
  struct Frame {
    std::string id;
    std::vector<std::string> parents;
    size_t next = 0;
  };
  std::vector<Frame> stack;
  auto enter = [&](const std::string& id) -> Status {
    if (stop.count(id) || !visited.insert(id).second)
      return ok_status();
    if (base.contains(id)) {
      boundary.emplace_back(id, ref);
      return ok_status();
    }
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
    out.push_back({std::move(top.id), ref});
    stack.pop_back();
  }
  return ok_status();
}

} // namespace

PushScope::PushScope(const git::Repo& repo, std::vector<refs::RefUpdate> updates, Objects objects,
                     bool refs_moved, Baseline baseline)
    : m_repo(repo), m_updates(std::move(updates)), m_objects(objects), m_refs_moved(refs_moved),
      m_baseline(baseline) {}

const Result<Introduced>& PushScope::introduced() {
  if (!m_introduced)
    m_introduced.emplace(compute());
  return *m_introduced;
}

const Result<std::vector<std::string>>& PushScope::refs_before() {
  if (m_refs_before)
    return *m_refs_before;
  std::map<std::string, std::string> old_values;
  for (const auto& u : m_updates)
    old_values[u.ref] = u.old_oid;
  std::set<std::string> targets;
  auto listed = m_repo.for_each_ref([&](const std::string& name, const std::string& target) {
    auto it = old_values.find(name);
    if (m_refs_moved && it != old_values.end())
      return; // added below at its old value
    targets.insert(target);
  });
  if (!listed) {
    m_refs_before.emplace(listed.error());
    return *m_refs_before;
  }
  if (m_refs_moved)
    for (const auto& [name, old] : old_values)
      if (!refs::is_zero_oid(old))
        targets.insert(old);
  std::vector<std::string> commits;
  std::set<std::string> seen;
  for (const auto& t : targets)
    if (auto c = m_repo.peel_to_commit(t); c && seen.insert(*c).second)
      commits.push_back(*c); // trees and blobs behind refs hide no commit
  m_refs_before.emplace(std::move(commits));
  return *m_refs_before;
}

Result<std::vector<std::string>> PushScope::commits_between(const std::string& tip,
                                                            const std::vector<std::string>& hide) {
  const std::string key = walk_key(tip, hide);
  if (auto it = m_walks.find(key); it != m_walks.end())
    return it->second;
  auto walked = m_repo.commits_between(tip, hide);
  if (!walked)
    return walked.error();
  m_walks.emplace(key, *walked);
  return walked;
}

Result<Introduced> PushScope::compute() {
  Introduced in;
  // 1. What each ref points at, through any chain of annotated tags.
  Tips tips;
  std::set<std::string> seen_tags;
  for (size_t i = 0; i < m_updates.size(); ++i) {
    const auto& u = m_updates[i];
    if (u.is_delete() || u.old_oid == u.new_oid)
      continue;
    std::string id = u.new_oid;
    for (int depth = 0;; ++depth) {
      auto kind = m_repo.object_kind(id);
      if (!kind)
        return kind.error();
      if (*kind == git::ObjectKind::tag) {
        if (depth == k_max_tag_depth)
          return make_error(ErrorCode::invalid_input,
                            fmt::format("{}: more than {} nested tags", u.ref, k_max_tag_depth));
        auto tag = m_repo.tag(id);
        if (!tag)
          return tag.error();
        id = tag->target;
        if (seen_tags.insert(tag->id).second)
          in.tags.push_back({std::move(*tag), i});
        continue;
      }
      if (*kind == git::ObjectKind::commit)
        tips.commits.emplace_back(id, i);
      else if (*kind == git::ObjectKind::tree)
        tips.trees.emplace_back(id, i);
      else if (*kind == git::ObjectKind::blob)
        tips.blobs.emplace_back(id, i);
      break;
    }
  }

  // 2. New commits: reachable from the tips, from no ref before the push.
  std::vector<std::string> hide;
  std::unordered_set<std::string> hide_set;
  auto add_hide = [&](const std::string& target) {
    if (refs::is_zero_oid(target))
      return;
    if (auto c = m_repo.peel_to_commit(target); c && hide_set.insert(*c).second)
      hide.push_back(*c);
  };
  for (const auto& u : m_updates)
    add_hide(u.old_oid);
  if (!m_refs_moved && m_baseline == Baseline::refs)
    if (auto head = m_repo.head_commit())
      add_hide(*head);

  std::unordered_set<std::string> seen_commits;
  if (quarantined()) {
    auto base = git::BaseObjects::open(m_repo.git_dir());
    if (!base)
      return base.error();
    std::vector<std::pair<std::string, size_t>> boundary;
    for (const auto& [tip, ref] : tips.commits)
      CUSTODY_TRY(
          walk_quarantine(m_repo, *base, tip, ref, hide_set, seen_commits, in.commits, boundary));
    in.method = "quarantine";
    // A boundary commit is old only if a ref reached it before the push: prove it cheaply against
    // the refs the push updates and HEAD, else against every ref.
    std::vector<std::pair<std::string, size_t>> unproven;
    for (const auto& [id, ref] : boundary) {
      bool proven = false;
      for (const auto& h : hide)
        if (auto c = m_repo.contains(h, id); c && *c) {
          proven = true;
          break;
        }
      if (!proven)
        unproven.emplace_back(id, ref);
    }
    if (!unproven.empty()) {
      in.method = "quarantine+reachability";
      const auto& all = refs_before();
      if (!all)
        return all.error();
      std::vector<IntroducedCommit> seeded;
      std::unordered_set<std::string> seeded_set;
      for (const auto& [id, ref] : unproven) {
        auto walked = commits_between(id, *all);
        if (!walked)
          return walked.error();
        for (const auto& c : *walked)
          if (seeded_set.insert(c).second)
            seeded.push_back({c, ref});
      }
      // Pre-seeded commits are ancestors of the quarantined ones: they come first.
      seeded.insert(seeded.end(), in.commits.begin(), in.commits.end());
      in.commits = std::move(seeded);
    }
  } else {
    in.method = "reachability";
    for (const auto& [tip, ref] : tips.commits) {
      auto walked = commits_between(tip, hide);
      if (!walked)
        return walked.error();
      if (walked->size() > k_short_walk && m_baseline == Baseline::refs) {
        const auto& all = refs_before();
        if (!all)
          return all.error();
        walked = commits_between(tip, *all);
        if (!walked)
          return walked.error();
        in.method = "reachability-all-refs";
      }
      for (const auto& c : *walked)
        if (seen_commits.insert(c).second)
          in.commits.push_back({c, ref});
    }
  }

  // 3. Blobs: what each new commit changes relative to every one of its parents (content only a
  // merge brings counts; content a parent already had was introduced by that parent), then whole
  // trees and blobs that refs point at directly.
  std::unordered_set<std::string> seen_blobs;
  for (auto& c : in.commits) {
    auto info = m_repo.commit(c.id);
    if (!info)
      return info.error();
    c.message = std::move(info->message);
    c.author = std::move(info->author);
    c.parents = info->parents;
    auto changed = m_repo.diff_commits(info->parents.empty() ? "" : info->parents.front(), c.id);
    if (!changed)
      return changed.error();
    for (const auto& p : *changed) {
      if (!p.deleted) {
        c.paths.push_back(p.path);
        c.blobs.push_back(p.blob_id);
      }
      if (p.deleted || p.blob_id.empty() || seen_blobs.count(p.blob_id))
        continue;
      bool inherited = false;
      for (size_t k = 1; k < info->parents.size() && !inherited; ++k) {
        auto other = m_repo.entry_at(info->parents[k], p.path);
        if (!other)
          return other.error();
        inherited = *other == p.blob_id;
      }
      if (inherited)
        continue;
      seen_blobs.insert(p.blob_id);
      in.blobs.push_back({p.blob_id, c.id, p.path, c.ref_index});
    }
  }
  for (const auto& [tree, ref] : tips.trees) {
    auto blobs = git::tree_blobs(m_repo, tree);
    if (!blobs)
      return blobs.error();
    for (auto& b : *blobs)
      if (seen_blobs.insert(b.id).second)
        in.blobs.push_back({b.id, "", b.path, ref});
  }
  for (const auto& [blob, ref] : tips.blobs)
    if (seen_blobs.insert(blob).second)
      in.blobs.push_back({blob, "", "", ref});

  std::set<size_t> refs;
  for (const auto& c : in.commits)
    refs.insert(c.ref_index);
  for (const auto& b : in.blobs)
    refs.insert(b.ref_index);
  for (const auto& t : in.tags)
    refs.insert(t.ref_index);
  in.refs.assign(refs.begin(), refs.end());
  return in;
}

} // namespace custody::policy
