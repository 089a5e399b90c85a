// history_blobs(): see history_blobs.hpp. Whole histories go through git::reachable_blobs (each
// distinct tree walked once, no diffs); only A..B ranges pay for per-commit diffs.
#include "secrets/history_blobs.hpp"

#include "git/reachable_blobs.hpp"
#include "git/revision.hpp"

#include <fmt/format.h>

#include <set>
#include <unordered_set>

namespace custody::secrets {

namespace {

Status add_whole_history(const git::Repo& repo, const std::vector<std::string>& tips,
                         size_t ref_index, std::unordered_set<std::string>& seen,
                         std::vector<NewBlob>& out) {
  auto blobs = git::reachable_blobs(repo, tips);
  if (!blobs)
    return blobs.error();
  for (auto& b : *blobs)
    if (seen.insert(b.id).second)
      out.push_back({std::move(b.id), std::move(b.commit), std::move(b.path), ref_index});
  return ok_status();
}

} // namespace

Result<std::vector<std::string>> all_tips(const git::Repo& repo) {
  std::vector<std::string> tips;
  std::set<std::string> unique;
  auto listed = repo.for_each_ref([&](const std::string&, const std::string& target) {
    if (auto c = repo.peel_to_commit(target); c && unique.insert(*c).second)
      tips.push_back(*c); // refs to trees or blobs (rare) are not followed
  });
  if (!listed)
    return listed.error();
  // A detached HEAD is no ref but is reachable history, as in `git log --all`.
  if (auto head = git::resolve_commit(repo, "HEAD"); head && unique.insert(*head).second)
    tips.push_back(*head);
  return tips;
}

Result<std::vector<NewBlob>> history_blobs(const git::Repo& repo,
                                           const HistorySelection& selection) {
  std::vector<NewBlob> out;
  std::unordered_set<std::string> seen;
  if (selection.all) {
    auto tips = all_tips(repo);
    if (!tips)
      return tips.error();
    if (auto added = add_whole_history(repo, *tips, 0, seen, out); !added)
      return added.error();
  }
  std::vector<std::string> ranges = selection.ranges;
  if (!selection.all && ranges.empty())
    ranges.push_back("HEAD");
  for (size_t i = 0; i < ranges.size(); ++i) {
    const std::string& spec = ranges[i];
    if (spec.find("...") != std::string::npos)
      return make_error(ErrorCode::invalid_input,
                        fmt::format("\"{}\": symmetric ranges (A...B) are not supported", spec),
                        "scan A..B and B..A, or the merge base's range");
    const size_t dots = spec.find("..");
    if (dots == std::string::npos) {
      auto tip = git::resolve_commit(repo, spec);
      if (!tip)
        return tip.error();
      if (auto added = add_whole_history(repo, {*tip}, i, seen, out); !added)
        return added.error();
      continue;
    }
    std::string from = spec.substr(0, dots), to = spec.substr(dots + 2);
    auto hide = git::resolve_commit(repo, from.empty() ? "HEAD" : from);
    if (!hide)
      return hide.error();
    auto tip = git::resolve_commit(repo, to.empty() ? "HEAD" : to);
    if (!tip)
      return tip.error();
    auto blobs = new_blobs(repo, {*tip}, {*hide});
    if (!blobs)
      return blobs.error();
    for (auto& b : *blobs)
      if (seen.insert(b.id).second) {
        b.ref_index = i;
        out.push_back(std::move(b));
      }
  }
  return out;
}

} // namespace custody::secrets
