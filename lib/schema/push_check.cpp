// check_push: the trailer schema over what each protected ref gains; see push_check.hpp.
#include "schema/push_check.hpp"

#include "policy/ref_policy.hpp"
#include "schema/evaluate.hpp"
#include "schema/fix_command.hpp"
#include "trailers/parser.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace custody::schema {

namespace {

constexpr const char* k_control = "CC8.1";

struct Coverage {
  std::string merge_id;
  std::vector<Identity> reviewers;
  std::string review_date;
};

bool needs_paths(const SchemaConfig& schema) {
  return std::any_of(schema.rules.begin(), schema.rules.end(),
                     [](const Rule& r) { return !r.when.paths.empty(); });
}

policy::Violation unreadable(const hook::RefDecision& d, const Error& e) {
  policy::Violation v;
  v.rule = "trailers.unreadable";
  v.control = k_control;
  v.ref = d.update.ref;
  v.message = fmt::format(
      "the commits this push brings to {} could not be read, so their trailers cannot be "
      "checked: {}",
      d.update.ref, e.message);
  v.hints = {
      "retry the push; if it keeps failing, an administrator should run `git fsck` on the server"};
  return v;
}

class RefChecker {
public:
  RefChecker(hook::PushContext& ctx, hook::RefDecision& d, const std::vector<std::string>& hide)
      : m_ctx(ctx), m_decision(d), m_hide(hide) {}

  void run() {
    const auto& schema = m_ctx.config.trailers;
    auto tip = m_ctx.repo.peel_to_commit(m_decision.update.new_oid);
    if (!tip)
      return fail(tip.error());
    m_tip = *tip;
    auto ids = m_ctx.repo.commits_between(m_tip, m_hide);
    if (!ids)
      return fail(ids.error());
    std::vector<git::CommitInfo> commits;
    for (const auto& id : *ids) {
      auto info = m_ctx.repo.commit(id);
      if (!info)
        return fail(info.error());
      commits.push_back(std::move(*info));
    }
    // Merge commits first: the review they record covers the commits they bring in.
    for (const auto& c : commits)
      if (c.parents.size() > 1 && !cover_from_merge(c))
        return;
    util::Json evidence = util::Json::array();
    bool paths = needs_paths(schema);
    for (const auto& c : commits) {
      if (schema.exempt_before_time && c.committer.time < *schema.exempt_before_time) {
        evidence.push_back({{"id", c.id}, {"verdict", "exempt"}});
        continue;
      }
      CommitFacts facts = facts_for(c);
      if (paths) {
        auto changed = m_ctx.repo.changed_paths(c.id);
        if (!changed)
          return fail(changed.error());
        facts.changed_paths.emplace();
        for (const auto& p : *changed)
          facts.changed_paths->push_back(p.path);
      }
      auto ev = evaluate_commit(m_ctx.config, facts, Stage::server);
      bool ok = ev.errors() == 0;
      util::Json reviewers = util::Json::array();
      for (const auto& r : ev.reviewers)
        reviewers.push_back(r.identity.display());
      util::Json record = {{"id", c.id},
                           {"author", fmt::format("{} <{}>", c.author.name, c.author.email)},
                           {"ai_assisted", ev.ai_assisted},
                           {"ai_tool", ev.ai_tool},
                           {"reviewers", reviewers},
                           {"review_date", ev.review_date},
                           {"verdict", ok ? "ok" : "rejected"}};
      if (!facts.covered_by.empty())
        record["covered_by"] = facts.covered_by;
      evidence.push_back(std::move(record));
      if (!ok)
        m_decision.violations.push_back(violation(c, ev));
    }
    m_decision.evidence["commits"] = std::move(evidence);
  }

private:
  hook::PushContext& m_ctx;
  hook::RefDecision& m_decision;
  const std::vector<std::string>& m_hide;
  std::string m_tip;
  std::map<std::string, Coverage> m_coverage; // commit id → the merge review covering it

  void fail(const Error& e) { m_decision.violations.push_back(unreadable(m_decision, e)); }

  CommitFacts facts_for(const git::CommitInfo& c) const {
    CommitFacts facts;
    facts.id = c.id;
    facts.author = c.author;
    facts.committer = c.committer;
    facts.message = c.message;
    facts.target_ref = m_decision.update.ref;
    facts.target_protected = m_decision.is_protected;
    facts.now = m_ctx.now;
    if (auto it = m_coverage.find(c.id); it != m_coverage.end()) {
      facts.covered_by = it->second.merge_id;
      facts.covering_reviewers = it->second.reviewers;
      facts.covering_review_date = it->second.review_date;
    }
    return facts;
  }

  // Records the merge's valid reviewers on every commit it brings in beside its first parent.
  bool cover_from_merge(const git::CommitInfo& merge) {
    CommitFacts facts = facts_for(merge);
    facts.covered_by.clear();
    facts.covering_reviewers.clear();
    facts.covering_review_date.clear();
    auto ev = evaluate_commit(m_ctx.config, facts, Stage::server);
    if (ev.reviewers.empty())
      return true;
    std::vector<std::string> hide = m_hide;
    hide.push_back(merge.parents.front());
    auto covered = m_ctx.repo.commits_between(merge.id, hide);
    if (!covered) {
      fail(covered.error());
      return false;
    }
    for (const auto& id : *covered) {
      if (id == merge.id)
        continue;
      auto& cov = m_coverage[id];
      if (cov.merge_id.empty())
        cov.merge_id = merge.id;
      for (const auto& r : ev.reviewers)
        if (std::none_of(cov.reviewers.begin(), cov.reviewers.end(), [&](const Identity& x) {
              return util::iequals(x.email, r.identity.email);
            }))
          cov.reviewers.push_back(r.identity);
      if (cov.review_date.empty())
        cov.review_date = ev.review_date;
    }
    return true;
  }

  policy::Violation violation(const git::CommitInfo& c, const Evaluation& ev) const {
    policy::Violation v;
    v.control = k_control;
    v.ref = m_decision.update.ref;
    v.commit = c.id;
    std::string short_id = c.id.substr(0, 7);
    std::vector<std::string> parts;
    std::vector<std::string> fixes;
    bool remove_trailer = false;
    for (const auto& f : ev.findings) {
      if (f.severity != Severity::error)
        continue;
      if (v.rule.empty())
        v.rule = f.rule;
      parts.push_back(parts.empty() ? f.message : fmt::format("[{}] {}", f.rule, f.message));
      if (f.rule == "trailers.self-review" || f.rule == "trailers.agent-reviewer")
        remove_trailer = true;
      for (const auto& t : f.missing_trailers)
        if (std::find(fixes.begin(), fixes.end(), t) == fixes.end())
          fixes.push_back(t);
    }
    v.message = fmt::format("commit {} \"{}\": {}", short_id, util::printable(c.subject()),
                            util::join(parts, "; "));
    std::string amend = trailer_fix_command("git commit --amend --no-edit", fixes);
    if (remove_trailer)
      v.hints.push_back("remove the author's or agent's own review trailer; a human other than the "
                        "author reviews "
                        "and adds theirs");
    if (!fixes.empty()) {
      if (c.id == m_tip)
        v.hints.push_back(amend);
      else
        v.hints.push_back(fmt::format(
            "git rebase -i {}~1 (mark {} as \"edit\"), then: {} && git rebase --continue", short_id,
            short_id, amend));
      v.hints.push_back(fmt::format(
          "or merge it with a merge commit that carries the review ({}: {}): a reviewed "
          "merge commit covers the commits it brings in",
          m_ctx.config.trailers.reviewer_keys.empty() ? "Reviewed-By"
                                                      : m_ctx.config.trailers.reviewer_keys.front(),
          k_example_reviewer));
    }
    return v;
  }
};

} // namespace

void check_push(hook::PushContext& ctx, std::vector<hook::RefDecision>& decisions) {
  const auto& schema = ctx.config.trailers;
  if (schema.rules.empty() && schema.keys.empty())
    return;
  bool any = std::any_of(decisions.begin(), decisions.end(), [](const hook::RefDecision& d) {
    return d.is_protected && !d.update.is_delete() && d.kind != refs::UpdateKind::unchanged;
  });
  if (!any)
    return;
  // Everything reachable from a protected ref before this push has been checked already.
  std::vector<std::string> hide;
  std::set<std::string> seen;
  auto add_hidden = [&](const std::string& id) {
    if (!id.empty() && !refs::is_zero_oid(id) && seen.insert(id).second)
      hide.push_back(id);
  };
  // A ref this run updates counts at its old value: in a push the refs have not moved yet, but in
  // a mirror check (after `git fetch`) they already point at the new commits.
  std::map<std::string, std::string> before;
  for (const auto& d : decisions)
    before[d.update.ref] = d.update.old_oid;
  auto hide_peeled = [&](const std::string& name, const std::string& target) {
    if (!policy::is_protected_ref(ctx.config.refs, name) || refs::is_zero_oid(target))
      return;
    if (auto commit = ctx.repo.peel_to_commit(target))
      add_hidden(*commit);
  };
  auto listed = ctx.repo.matching_refs(ctx.config.refs.protected_refs);
  if (listed)
    for (const auto& tip : *listed)
      if (before.count(tip.name) == 0)
        hide_peeled(tip.name, tip.target);
  for (const auto& [name, old] : before)
    hide_peeled(name, old);
  if (!schema.exempt_before_commit.empty())
    add_hidden(schema.exempt_before_commit);
  for (auto& d : decisions) {
    if (!d.is_protected || d.update.is_delete() || d.kind == refs::UpdateKind::unchanged)
      continue;
    if (!listed) {
      d.violations.push_back(unreadable(d, listed.error()));
      continue;
    }
    std::vector<std::string> ref_hide = hide;
    if (!d.update.is_create())
      if (auto old = ctx.repo.peel_to_commit(d.update.old_oid); old && seen.count(*old) == 0)
        ref_hide.push_back(*old);
    RefChecker(ctx, d, ref_hide).run();
  }
}

} // namespace custody::schema
