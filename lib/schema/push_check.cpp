// check_push: the trailer schema over what each protected ref gains; see push_check.hpp.
#include "schema/push_check.hpp"

#include "git/commit_signature.hpp"
#include "identity/host_env.hpp"
#include "identity/registry.hpp"
#include "identity/signature_verify.hpp"
#include "schema/evaluate.hpp"
#include "schema/fix_command.hpp"
#include "schema/ruleset_rules.hpp"
#include "schema/schema_config.hpp"
#include "trailers/parser.hpp"
#include "util/strings.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace custody::schema {

namespace {

constexpr const char* k_control = "CC8.1";

struct Coverage {
  std::string merge_id;
  std::vector<Identity> reviewers;
  std::vector<Assurance> assurance; // per reviewer
  std::string review_date;
};

bool needs_paths(const SchemaConfig& schema) {
  return std::any_of(schema.rules.begin(), schema.rules.end(),
                     [](const Rule& r) { return !r.when.paths.empty(); });
}

policy::Violation unreadable(const policy::RefDecision& d, const Error& e) {
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

// What one push has already evaluated, shared by every ref it updates: a commit that several refs
// gain (a hundred tags on one branch) is evaluated and written to the ledger once.
struct PushMemo {
  std::map<std::string, Evaluation> evaluations; // commit + ref rules signature → result
  std::set<std::string> evidenced;               // commits whose evidence a record already holds
  std::unique_ptr<identity::SignatureVerifier> verifier; // made for the first reviewed commit
};

// True if `message` has a line starting with one of the reviewer keys (any case): only such
// commits are worth a signature check.
bool mentions_reviewer(const SchemaConfig& schema, const std::string& message) {
  const std::string lower = util::to_lower(message);
  return std::any_of(schema.reviewer_keys.begin(), schema.reviewer_keys.end(),
                     [&](const std::string& key) {
                       return lower.find("\n" + util::to_lower(key) + ":") != std::string::npos;
                     });
}

// The commit's evidence for the ledger: in full when it says something about review (AI-assisted,
// reviewers, refused, covered by a merge), else its id and verdict.
util::Json commit_evidence(const git::CommitInfo& c, const CommitFacts& facts,
                           const Evaluation& ev) {
  const bool ok = ev.errors() == 0;
  if (ok && !ev.ai_assisted && ev.reviewers.empty() && facts.covered_by.empty())
    return {{"id", c.id}, {"verdict", "ok"}};
  util::Json reviewers = util::Json::array();
  for (const auto& r : ev.reviewers)
    reviewers.push_back({{"name", r.identity.name},
                         {"email", r.identity.email},
                         {"assurance", assurance_name(r.assurance)}});
  util::Json record = {{"id", c.id},
                       {"author", fmt::format("{} <{}>", c.author.name, c.author.email)},
                       {"ai_assisted", ev.ai_assisted},
                       {"ai_tool", ev.ai_tool},
                       {"reviewers", reviewers},
                       {"review_date", ev.review_date},
                       {"verdict", ok ? "ok" : "rejected"}};
  if (!facts.covered_by.empty())
    record["covered_by"] = facts.covered_by;
  if (!facts.evidence.signers.empty())
    record["signed_by"] = facts.evidence.signers;
  if (facts.min_assurance != Assurance::claimed)
    record["min_review_assurance"] = assurance_name(facts.min_assurance);
  if (!facts.evidence.platform.empty())
    record["web_merge"] = facts.evidence.platform;
  return record;
}

class RefChecker {
public:
  RefChecker(policy::PushContext& ctx, policy::RefDecision& d, std::vector<std::string> hide,
             std::string ruleset, std::string signature, Assurance need, PushMemo& memo)
      : m_ctx(ctx), m_decision(d), m_hide(std::move(hide)), m_ruleset(std::move(ruleset)),
        m_signature(std::move(signature)), m_need(need), m_memo(memo),
        m_platform(identity::web_merge_platform(ctx.env)) {}

  // The commits of `ids` a date cut-over may exempt: those reachable from the protected refs'
  // tips recorded when the date was first seen (never a commit only the pusher's date dates).
  Result<std::set<std::string>> exempt_by_date(const SchemaConfig& schema,
                                               const std::vector<std::string>& ids) {
    std::set<std::string> exempt;
    if (!schema.exempt_before_time || !schema.exempt_before_tips ||
        schema.exempt_before_tips->empty())
      return exempt;
    std::vector<std::string> hide = m_hide;
    hide.insert(hide.end(), schema.exempt_before_tips->begin(), schema.exempt_before_tips->end());
    auto outside = m_ctx.scope.commits_between(m_tip, hide);
    if (!outside)
      return outside.error();
    std::set<std::string> not_exempt(outside->begin(), outside->end());
    for (const auto& id : ids)
      if (!not_exempt.count(id))
        exempt.insert(id);
    return exempt;
  }

  void run() {
    const auto& schema = m_ctx.config.get<SchemaConfig>();
    auto tip = m_ctx.repo.peel_to_commit(m_decision.update.new_oid);
    if (!tip)
      return fail(tip.error());
    m_tip = *tip;
    auto ids = m_ctx.scope.commits_between(m_tip, m_hide);
    if (!ids)
      return fail(ids.error());
    std::vector<git::CommitInfo> commits;
    for (const auto& id : *ids) {
      auto info = m_ctx.repo.commit(id);
      if (!info)
        return fail(info.error());
      commits.push_back(std::move(*info));
    }
    for (const auto& c : commits)
      m_authors.emplace(c.id, c.author);
    // Merge commits first: the review they record covers the commits they bring in.
    for (const auto& c : commits)
      if (c.parents.size() > 1 && !cover_from_merge(c))
        return;
    auto exempt = exempt_by_date(schema, *ids);
    if (!exempt)
      return fail(exempt.error());
    util::Json evidence = util::Json::array();
    size_t evidenced_before = 0;
    bool paths = needs_paths(schema);
    for (const auto& c : commits) {
      if (exempt->count(c.id) && c.committer.time < *schema.exempt_before_time) {
        evidence.push_back({{"id", c.id}, {"verdict", "exempt"}});
        continue;
      }
      CommitFacts facts = facts_for(c);
      const std::string key =
          c.id + "|" + m_signature + "|" + facts.covered_by + "|" + facts.evidence.platform;
      auto cached = m_memo.evaluations.find(key);
      if (cached == m_memo.evaluations.end()) {
        if (paths) {
          auto changed = m_ctx.repo.changed_paths(c.id);
          if (!changed)
            return fail(changed.error());
          facts.changed_paths.emplace();
          for (const auto& p : *changed)
            facts.changed_paths->push_back(p.path);
        }
        cached =
            m_memo.evaluations.emplace(key, evaluate_commit(m_ctx.config, facts, Stage::server))
                .first;
      }
      const Evaluation& ev = cached->second;
      if (m_memo.evidenced.insert(c.id).second)
        evidence.push_back(commit_evidence(c, facts, ev));
      else
        ++evidenced_before;
      if (ev.errors() != 0)
        m_decision.violations.push_back(violation(c, ev));
    }
    m_decision.evidence["commits"] = std::move(evidence);
    if (evidenced_before)
      m_decision.evidence["commits_recorded_with_other_refs"] = evidenced_before;
  }

private:
  policy::PushContext& m_ctx;
  policy::RefDecision& m_decision;
  std::vector<std::string> m_hide;
  std::string m_ruleset;
  std::string m_signature;
  Assurance m_need;
  PushMemo& m_memo;
  std::string m_platform;
  std::string m_tip;
  std::map<std::string, git::Signature> m_authors; // commit id → author, for self-merges
  std::map<std::string, Coverage> m_coverage;      // commit id → the merge review covering it

  void fail(const Error& e) {
    auto v = unreadable(m_decision, e);
    v.ruleset = m_ruleset;
    m_decision.violations.push_back(std::move(v));
  }

  CommitFacts facts_for(const git::CommitInfo& c) const {
    CommitFacts facts;
    facts.id = c.id;
    facts.author = c.author;
    facts.committer = c.committer;
    facts.message = c.message;
    facts.target_ref = m_decision.update.ref;
    facts.target_protected = true; // only refs a trailer_schema ruleset targets are checked
    facts.now = m_ctx.now;
    if (auto it = m_coverage.find(c.id); it != m_coverage.end()) {
      facts.covered_by = it->second.merge_id;
      facts.covering_reviewers = it->second.reviewers;
      facts.covering_assurance = it->second.assurance;
      facts.covering_review_date = it->second.review_date;
    }
    facts.evidence = evidence_for(c);
    facts.min_assurance = m_need;
    return facts;
  }

  // What the server knows about how `c` reached it. A pusher vouches only in a real push (not in
  // a dry run or a mirror check), and only the pushed tip is the platform's own web-merge commit.
  ReviewEvidence evidence_for(const git::CommitInfo& c) const {
    ReviewEvidence ev;
    ev.signers = signers_of(c);
    // A signed push certificate vouches for every commit the push brings.
    if (!m_ctx.push_signer.empty() &&
        std::find(ev.signers.begin(), ev.signers.end(), m_ctx.push_signer) == ev.signers.end())
      ev.signers.push_back(m_ctx.push_signer);
    const bool pushed =
        m_ctx.hook == policy::HookKind::pre_receive || m_ctx.hook == policy::HookKind::update;
    if (!pushed || m_ctx.pusher.is_agent)
      return ev;
    ev.pusher_account = m_ctx.pusher.name;
    ev.pusher_email = identity::host_pusher_email(m_ctx.env);
    ev.merge = c.parents.size() > 1;
    if (c.id == m_tip)
      ev.platform = m_platform;
    return ev;
  }

  // The registered people whose key validly signed `c` (checked only when it names a reviewer).
  std::vector<std::string> signers_of(const git::CommitInfo& c) const {
    const auto& registry = m_ctx.config.get<identity::Registry>();
    if (registry.empty() || !mentions_reviewer(m_ctx.config.get<SchemaConfig>(), c.message))
      return {};
    if (!m_memo.verifier)
      m_memo.verifier = std::make_unique<identity::SignatureVerifier>(m_ctx.config);
    if (!m_memo.verifier->enabled())
      return {};
    auto signed_commit = git::commit_signature(m_ctx.repo, c.id);
    if (!signed_commit)
      return {};
    std::string who = m_memo.verifier->signer(signed_commit->payload, signed_commit->signature);
    if (who.empty())
      return {};
    return {who};
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
    auto covered = m_ctx.scope.commits_between(merge.id, hide);
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
      // A platform merge by the covered commit's own author is a self-merge: its review lines
      // count as claimed only.
      auto author = m_authors.find(id);
      const bool self_merge =
          author != m_authors.end() && is_self_merge(m_ctx.config, facts.evidence, author->second);
      for (const auto& r : ev.reviewers) {
        Assurance a = r.assurance;
        if (self_merge && a == Assurance::platform)
          a = Assurance::claimed;
        auto same =
            std::find_if(cov.reviewers.begin(), cov.reviewers.end(), [&](const Identity& x) {
              return util::iequals(x.email, r.identity.email);
            });
        if (same == cov.reviewers.end()) {
          cov.reviewers.push_back(r.identity);
          cov.assurance.push_back(a);
        } else {
          auto& held = cov.assurance[static_cast<size_t>(same - cov.reviewers.begin())];
          held = std::max(held, a);
        }
      }
      if (cov.review_date.empty())
        cov.review_date = ev.review_date;
      // A platform's web merge carries no review date: the platform dated the merge itself.
      if (cov.review_date.empty() && !facts.evidence.platform.empty())
        cov.review_date = util::format_utc_seconds(merge.committer.time).substr(0, 10);
    }
    return true;
  }

  policy::Violation violation(const git::CommitInfo& c, const Evaluation& ev) const {
    policy::Violation v;
    v.control = k_control;
    v.ref = m_decision.update.ref;
    v.commit = c.id;
    v.ruleset = m_ruleset;
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
      for (const auto& h : f.hints)
        if (std::find(v.hints.begin(), v.hints.end(), h) == v.hints.end())
          v.hints.push_back(h);
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
          m_ctx.config.get<SchemaConfig>().reviewer_keys.empty()
              ? "Reviewed-By"
              : m_ctx.config.get<SchemaConfig>().reviewer_keys.front(),
          k_example_reviewer));
    }
    return v;
  }
};

} // namespace

namespace {

// The strictest ruleset that applies the trailer schema to `d`, or -1.
int schema_ruleset(const policy::PushContext& ctx, const policy::RefDecision& d) {
  std::vector<size_t> candidates;
  for (size_t i : d.rulesets)
    if (ctx.rulesets().all()[i].rules.get<SchemaRules>().trailer_schema)
      candidates.push_back(i);
  return policy::strictest(ctx.rulesets(), candidates);
}

// The strongest min_review_assurance of [trailers] and every ruleset applying the schema to `d`.
Assurance required_assurance(const policy::PushContext& ctx, const policy::RefDecision& d) {
  Assurance need = ctx.config.get<SchemaConfig>().min_review_assurance;
  for (size_t i : d.rulesets) {
    const auto& r = ctx.rulesets().all()[i];
    const auto& rules = r.rules.get<SchemaRules>();
    if (r.enforcement != policy::Enforcement::disabled && rules.trailer_schema &&
        rules.min_review_assurance)
      need = std::max(need, *rules.min_review_assurance);
  }
  return need;
}

// What decides which schema rules a ref gets: the rulesets applying the schema to it and the
// rules whose `refs` condition matches it. A commit checked under one signature counts as checked
// only for refs of the same signature (a rule limited to main is not skipped by tagging first).
std::string rules_signature(const policy::PushContext& ctx, const std::string& ref) {
  std::string sig;
  for (size_t i : ctx.rulesets().targeting(ref))
    if (ctx.rulesets().all()[i].rules.get<SchemaRules>().trailer_schema)
      sig += ctx.rulesets().all()[i].name + ",";
  sig += "|";
  for (const auto& rule : ctx.config.get<SchemaConfig>().rules)
    if (!rule.when.refs.empty() && util::matches_any(rule.when.refs, ref))
      sig += rule.id + ",";
  return sig;
}

// Commits every ref of signature `sig` reached before the push: checked already. Lists only the
// refs the schema's rulesets target (git/ref_files: cost grows with those refs, not all refs).
Result<std::vector<std::string>> checked_tips(policy::PushContext& ctx, const std::string& sig,
                                              const std::map<std::string, std::string>& before) {
  std::vector<util::Glob> patterns;
  for (const auto& r : ctx.rulesets().all())
    if (r.enforcement != policy::Enforcement::disabled && r.rules.get<SchemaRules>().trailer_schema)
      patterns.insert(patterns.end(), r.refs.begin(), r.refs.end());
  auto listed = ctx.repo.matching_refs(patterns);
  if (!listed)
    return listed.error();
  std::vector<std::string> tips;
  std::set<std::string> seen;
  auto add = [&](const std::string& name, const std::string& target) {
    if (refs::is_zero_oid(target) || rules_signature(ctx, name) != sig)
      return;
    if (auto commit = ctx.repo.peel_to_commit(target); commit && seen.insert(*commit).second)
      tips.push_back(*commit);
  };
  // A ref this run updates counts at its old value: in a push the refs have not moved yet, but in
  // a mirror check (after `git fetch`) they already point at the new commits.
  for (const auto& tip : *listed)
    if (before.count(tip.name) == 0)
      add(tip.name, tip.target);
  for (const auto& [name, old] : before)
    add(name, old);
  return tips;
}

// True when every commit `d`'s ref gains (beyond `hide`) is new to the repository: pre-receive
// with a quarantine proves that (policy/push_scope.hpp); elsewhere it cannot be known.
bool gains_only_new_commits(policy::PushContext& ctx, const policy::RefDecision& d,
                            const std::vector<std::string>& hide) {
  if (!ctx.scope.quarantined())
    return false;
  const auto& introduced = ctx.scope.introduced();
  auto tip = ctx.repo.peel_to_commit(d.update.new_oid);
  if (!introduced || !tip || !introduced->method.starts_with("quarantine"))
    return false;
  auto gained = ctx.scope.commits_between(*tip, hide);
  if (!gained)
    return false;
  std::set<std::string_view> fresh;
  for (const auto& c : introduced->commits)
    fresh.insert(c.id);
  return std::all_of(gained->begin(), gained->end(),
                     [&](const std::string& id) { return fresh.count(id) > 0; });
}

// Judges `d` with only `hide` (its old value) excluded; keeps the result when nothing is refused.
bool passes_beyond_old_value(policy::PushContext& ctx, policy::RefDecision& d,
                             const std::vector<std::string>& hide, const std::string& ruleset,
                             const std::string& sig, Assurance need, PushMemo& memo) {
  policy::RefDecision trial = d;
  std::set<std::string> evidenced = memo.evidenced;
  RefChecker(ctx, trial, hide, ruleset, sig, need, memo).run();
  if (!trial.violations.empty()) {
    memo.evidenced = std::move(evidenced);
    return false;
  }
  d = std::move(trial);
  return true;
}

} // namespace

void check_push(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions) {
  const auto& schema = ctx.config.get<SchemaConfig>();
  if (schema.rules.empty() && schema.keys.empty())
    return;
  std::map<std::string, std::string> before;
  for (const auto& d : decisions)
    before[d.update.ref] = d.update.old_oid;
  std::map<std::string, Result<std::vector<std::string>>> tips_by_signature;
  PushMemo memo;
  for (auto& d : decisions) {
    if (d.update.is_delete() || d.kind == refs::UpdateKind::unchanged)
      continue;
    const int ruleset = schema_ruleset(ctx, d);
    if (ruleset < 0)
      continue;
    const std::string ruleset_name = ctx.rulesets().all()[static_cast<size_t>(ruleset)].name;
    const std::string sig = rules_signature(ctx, d.update.ref);
    std::vector<std::string> hide;
    if (!schema.exempt_before_commit.empty())
      hide.push_back(schema.exempt_before_commit);
    if (!d.update.is_create())
      if (auto old = ctx.repo.peel_to_commit(d.update.old_oid))
        hide.push_back(*old);
    // Commits no ref reached before the push cannot have been checked under any ref: when the ref
    // gains only such commits, the other refs' tips need not be read (cost grows with the push).
    // Elsewhere (the update hook, a mirror check) an existing ref reads them only when the commits
    // beyond its old value do not all pass: hiding more commits can only remove violations. A dry
    // run judges exactly its range, whatever other refs hold.
    const bool only_new =
        ctx.scope.baseline() == policy::Baseline::old_value || gains_only_new_commits(ctx, d, hide);
    if (!only_new && !d.update.is_create() &&
        passes_beyond_old_value(ctx, d, hide, ruleset_name, sig, required_assurance(ctx, d), memo))
      continue;
    if (!only_new) {
      auto it = tips_by_signature.find(sig);
      if (it == tips_by_signature.end())
        it = tips_by_signature.emplace(sig, checked_tips(ctx, sig, before)).first;
      if (!it->second) {
        auto v = unreadable(d, it->second.error());
        v.ruleset = ruleset_name;
        d.violations.push_back(std::move(v));
        continue;
      }
      hide.insert(hide.end(), it->second->begin(), it->second->end());
    }
    RefChecker(ctx, d, std::move(hide), ruleset_name, sig, required_assurance(ctx, d), memo).run();
  }
}

} // namespace custody::schema
