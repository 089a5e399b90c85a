#include "report/reconstruct.hpp"

#include "config/loader.hpp"
#include "git/commit_signature.hpp"
#include "git/repo.hpp"
#include "schema/evaluate.hpp"
#include "util/time.hpp"

#include <set>

namespace custody::report {

namespace {

// Commits listed per repository; the counts cover all of them.
constexpr size_t k_listed = 5000;

util::Json reconstruct_one(const LedgerSource& source, const Filter& filter) {
  util::Json out = {{"repository", source.repository}};
  auto repo = git::Repo::open(*source.git_dir);
  if (!repo) {
    out["skipped"] = repo.error().message;
    return out;
  }
  config::LoadOptions load;
  load.git_dir = *source.git_dir;
  auto loaded = config::load_config(load);
  const config::Config& cfg = loaded.config;
  auto refs = repo->matching_refs(cfg.refs.protected_refs);
  if (!refs) {
    out["skipped"] = refs.error().message;
    return out;
  }
  uint64_t commits = 0, ai = 0, reviewed = 0, ai_reviewed = 0, signed_count = 0;
  util::Json listed = util::Json::array(), ref_names = util::Json::array();
  std::set<std::string> seen;
  for (const auto& tip : *refs) {
    auto head = repo->peel_to_commit(tip.target);
    if (!head)
      continue; // a protected tag on a blob or tree: nothing to reconstruct
    ref_names.push_back(tip.name);
    auto ids = repo->commits_between(*head, {});
    if (!ids)
      continue;
    for (const auto& id : *ids) {
      if (!seen.insert(id).second)
        continue;
      auto info = repo->commit(id);
      if (!info)
        continue;
      DecisionView when;
      when.time = util::format_utc_seconds(info->committer.time);
      if (!filter.matches(when))
        continue;
      schema::CommitFacts facts;
      facts.id = id;
      facts.author = info->author;
      facts.committer = info->committer;
      facts.message = info->message;
      facts.target_ref = tip.name;
      facts.target_protected = true;
      facts.now = info->committer.time;
      auto ev = schema::evaluate_commit(cfg, facts, schema::Stage::server);
      bool is_signed = git::has_signature(*repo, id);
      ++commits;
      ai += ev.ai_assisted;
      reviewed += !ev.reviewers.empty();
      ai_reviewed += ev.ai_assisted && !ev.reviewers.empty();
      signed_count += is_signed;
      if (listed.size() < k_listed) {
        util::Json reviewers = util::Json::array();
        for (const auto& r : ev.reviewers)
          reviewers.push_back(r.identity.display());
        listed.push_back({{"id", id},
                          {"ref", tip.name},
                          {"time", when.time},
                          {"author", info->author.name + " <" + info->author.email + ">"},
                          {"ai_assisted", ev.ai_assisted},
                          {"ai_tool", ev.ai_tool},
                          {"reviewers", reviewers},
                          {"signed", is_signed},
                          {"schema_errors", ev.errors()}});
      }
    }
  }
  out["protected_refs"] = ref_names;
  out["commits"] = commits;
  out["with_reviewer"] = reviewed;
  out["ai_assisted"] = ai;
  out["ai_assisted_with_reviewer"] = ai_reviewed;
  out["signed"] = signed_count;
  out["listed"] = listed;
  return out;
}

} // namespace

util::Json reconstruct_history(const std::vector<LedgerSource>& sources, const Filter& filter) {
  util::Json repos = util::Json::array();
  for (const auto& s : sources) {
    if (!s.git_dir) {
      repos.push_back({{"repository", s.repository},
                       {"skipped", "found by --ledgers: no repository to read history from"}});
      continue;
    }
    repos.push_back(reconstruct_one(s, filter));
  }
  return {{"reconstructed", true},
          {"note", "RECONSTRUCTED from repository history as it is now, for periods before custody "
                   "guarded these repositories. Nothing here was enforced at the time: the "
                   "trailers are what the commit messages say, judged by today's trailer schema; "
                   "\"signed\" means a signature header is present, not that it was verified; "
                   "history rewritten since (force pushes) is not visible."},
          {"repositories", repos}};
}

} // namespace custody::report
