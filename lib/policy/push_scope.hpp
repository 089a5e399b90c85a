#pragma once
// What a push introduces, decided by reachability (as `git rev-list --objects NEW --not --all`
// does), never by presence in the object store: an object a pusher left in the store earlier
// (a rejected update-hook push, an unreferenced blob in an innocent pack, a tree behind a
// non-commit ref) is not "old" just because it is there. Computed once per push, on first use,
// and shared by every check family.
//
// Cost grows with the push: in pre-receive the walk stops at commits the pre-push object store
// has, and each such boundary commit is proven reachable from a ref the push updates (or HEAD)
// before anything else is tried; only a boundary that cannot be proven so (a pre-seeded commit)
// costs a walk that hides every ref. Without a quarantine (update hook, mirror check) the walk
// hides the updated refs' old values and HEAD, and falls back to hiding every ref when that
// leaves a long history (a new ref at an old commit). A dry run (Baseline::old_value) hides only
// the old values: it judges exactly the range it was given.
#include "git/commit_info.hpp"
#include "git/repo.hpp"
#include "refs/ref_update.hpp"
#include "util/result.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace custody::policy {

struct IntroducedCommit {
  std::string id;
  size_t ref_index = 0;             // the first ref (in push order) that brings it
  std::string message{};            // pushed text, scanned for secrets like file content
  std::vector<std::string> paths{}; // paths it adds or changes against its first parent
  std::vector<std::string> blobs{}; // the blob id of each entry of `paths` (same order)
  std::vector<std::string> parents{};
  git::Signature author{};
};

struct IntroducedBlob {
  std::string id;
  std::string
      commit;       // the first new commit that brings it; empty for a tree or blob pushed as such
  std::string path; // its path there; empty for a blob pushed as such
  size_t ref_index = 0;
};

struct IntroducedTag {
  git::TagInfo tag;
  size_t ref_index = 0;
};

struct Introduced {
  std::vector<IntroducedCommit> commits; // parents before children, each once
  std::vector<IntroducedBlob> blobs;     // each once
  std::vector<IntroducedTag> tags;       // annotated tags, each once
  std::vector<size_t> refs;              // the refs that bring anything (push order)
  // How "new" was decided, for the ledger: "quarantine" (walk stopped at proven-reachable
  // commits), "quarantine+reachability" (a boundary commit needed the walk over every ref),
  // "reachability" (no quarantine), "reachability-all-refs" (no quarantine, every ref hidden).
  std::string method;
};

enum class Objects {
  quarantined, // pre-receive: the push's objects are still in GIT_QUARANTINE_PATH
  stored,      // update hook, pre-receive on hosts that store first, mirror check, dry run
};

// What counts as "before" outside a quarantine.
enum class Baseline {
  refs,      // every ref (and HEAD) as it was before the push: a push, the mirror check
  old_value, // only each update's old value: `custody check A..B` judges exactly that range,
             // whatever other refs already hold (the commits are in the repository already)
};

class PushScope {
public:
  // `updates` in push order. `refs_moved`: the repository's refs already hold the new values
  // (a mirror check after `git fetch`); the updated refs count at their old values then.
  PushScope(const git::Repo& repo, std::vector<refs::RefUpdate> updates, Objects objects,
            bool refs_moved, Baseline baseline = Baseline::refs);

  // Everything the push brings that no ref reached before it.
  const Result<Introduced>& introduced();

  // Commits reachable from `tip` and from none of `hide`, parents first; the same (tip, hide)
  // is walked once per push however many refs ask.
  Result<std::vector<std::string>> commits_between(const std::string& tip,
                                                   const std::vector<std::string>& hide);

  const std::vector<refs::RefUpdate>& updates() const { return m_updates; }
  bool quarantined() const { return m_objects == Objects::quarantined; }
  Baseline baseline() const { return m_baseline; }
  // Every ref's target as it was before the push (or nullopt when unreadable).
  const Result<std::vector<std::string>>& refs_before();

private:
  Result<Introduced> compute();

  const git::Repo& m_repo;
  std::vector<refs::RefUpdate> m_updates;
  Objects m_objects;
  bool m_refs_moved;
  Baseline m_baseline;
  std::optional<Result<Introduced>> m_introduced;
  std::optional<Result<std::vector<std::string>>> m_refs_before;
  std::map<std::string, std::vector<std::string>> m_walks; // tip + hide → commits
};

} // namespace custody::policy
