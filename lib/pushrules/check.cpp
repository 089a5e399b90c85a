#include "pushrules/check.hpp"

#include "pushrules/commit_rules.hpp"
#include "pushrules/file_rules.hpp"
#include "pushrules/gained.hpp"
#include "pushrules/violation.hpp"

#include <fmt/format.h>

#include <map>

namespace custody::pushrules {

namespace {

constexpr std::string_view k_heads = "refs/heads/";

void check_branch_name(const policy::Ruleset& r, const util::Regex& re, policy::RefDecision& d) {
  if (d.kind != refs::UpdateKind::create || d.update.ref.rfind(k_heads, 0) != 0)
    return;
  const std::string name = d.update.ref.substr(k_heads.size());
  util::RegexMatch match;
  const auto status = re.search(name, 0, match);
  if (status == util::MatchStatus::match)
    return;
  auto v = violation(
      r, "branch_name_pattern",
      status == util::MatchStatus::no_match
          ? fmt::format("new branch name \"{}\" does not match ruleset \"{}\"'s "
                        "branch_name_pattern '{}'",
                        name, r.name, re.pattern())
          : fmt::format("new branch name \"{}\" could not be checked against ruleset \"{}\"'s "
                        "branch_name_pattern '{}': the pattern hit its match limit",
                        name, r.name, re.pattern()),
      "push under a name that matches (git push origin HEAD:refs/heads/<name>)");
  v.ref = d.update.ref;
  d.violations.push_back(std::move(v));
}

void unreadable(const policy::Ruleset& r, const Error& e, policy::RefDecision& d) {
  auto v = violation(r, "unreadable",
                     fmt::format("the commits this push brings could not be read, so ruleset "
                                 "\"{}\"'s push rules cannot be checked: {}",
                                 r.name, e.message),
                     "retry the push; if it keeps failing, an administrator should run `git "
                     "fsck` on the server");
  v.ref = d.update.ref;
  d.violations.push_back(std::move(v));
}

// The first ruleset targeting `d` with rules about commits or files, or nullptr.
const policy::Ruleset* content_ruleset(const policy::RefDecision& d,
                                       const std::vector<policy::Ruleset>& rulesets) {
  if (d.update.is_delete() || d.kind == refs::UpdateKind::unchanged)
    return nullptr;
  for (size_t i : d.rulesets) {
    const auto& rules = rulesets[i].rules.get<PushRules>();
    if (rules.commit_rules() || rules.file_rules())
      return &rulesets[i];
  }
  return nullptr;
}

// True when `id` is a tree or a blob (or a tag of one): a ref that gains files but no commits.
// Anything else that does not peel to a commit could not be read, and fails closed.
bool points_at_content(const git::Repo& repo, std::string id) {
  for (int depth = 0; depth < 32; ++depth) {
    auto kind = repo.object_kind(id);
    if (!kind)
      return false;
    if (*kind == git::ObjectKind::tree || *kind == git::ObjectKind::blob)
      return true;
    if (*kind != git::ObjectKind::tag)
      return false;
    auto tag = repo.tag(id);
    if (!tag)
      return false;
    id = tag->target;
  }
  return false;
}

// Commit rules, memoised per (commit, ruleset): a commit a hundred refs gain is judged once.
class CommitMemo {
public:
  const std::vector<policy::Violation>& get(const policy::Introduced& in, size_t commit,
                                            const policy::Ruleset& r, size_t ruleset,
                                            const PushRules& rules) {
    auto [it, fresh] = m_memo.try_emplace({commit, ruleset});
    if (fresh)
      it->second = check_commit(in.commits[commit], r, rules);
    return it->second;
  }

private:
  std::map<std::pair<size_t, size_t>, std::vector<policy::Violation>> m_memo;
};

} // namespace

void check_push(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions) {
  const auto& rulesets = ctx.rulesets().all();
  bool content = false;
  for (auto& d : decisions) {
    for (size_t i : d.rulesets)
      if (const auto& re = rulesets[i].rules.get<PushRules>().branch_name_pattern)
        check_branch_name(rulesets[i], *re, d);
    content = content || content_ruleset(d, rulesets);
  }
  if (!content)
    return; // deletes, and refs no push rule targets, cost nothing

  const auto& introduced = ctx.scope.introduced();
  if (!introduced) {
    for (auto& d : decisions)
      if (const auto* r = content_ruleset(d, rulesets))
        unreadable(*r, introduced.error(), d);
    return;
  }
  const Gained gained(*introduced);
  FileFacts facts(ctx.repo, *introduced);
  CommitMemo memo;
  for (size_t ref = 0; ref < decisions.size(); ++ref) {
    auto& d = decisions[ref];
    if (!content_ruleset(d, rulesets))
      continue;
    auto tip = ctx.repo.peel_to_commit(d.update.new_oid);
    if (!tip && !points_at_content(ctx.repo, d.update.new_oid)) {
      unreadable(*content_ruleset(d, rulesets), tip.error(), d);
      continue;
    }
    const auto commits = tip ? gained.commits_from(*tip) : std::vector<size_t>{};
    for (size_t i : d.rulesets) {
      const auto& rules = rulesets[i].rules.get<PushRules>();
      if (rules.commit_rules())
        for (size_t c : commits)
          for (auto v : memo.get(*introduced, c, rulesets[i], i, rules)) {
            v.ref = d.update.ref;
            d.violations.push_back(std::move(v));
          }
      if (rules.file_rules())
        check_files(*introduced, commits, ref, rulesets[i], rules, facts, d);
    }
  }
}

} // namespace custody::pushrules
