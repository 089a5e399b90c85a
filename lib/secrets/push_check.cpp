// check_push: secret scanning of the blobs a push introduces; see push_check.hpp.
#include "secrets/push_check.hpp"

#include "git/base_objects.hpp"
#include "refs/ref_update.hpp"
#include "secrets/blob_scan.hpp"
#include "secrets/finding_policy.hpp"
#include "secrets/new_blobs.hpp"
#include "secrets/pushed_text.hpp"
#include "secrets/rule_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <set>

namespace custody::secrets {

namespace {

constexpr const char* k_control = "CC6.1";
constexpr std::string_view k_reasons[] = {"false-positive", "used-in-tests", "will-fix"};

struct Bypass {
  std::set<std::string> fingerprints;
  std::string reason;
  bool reason_valid = false;
};

Bypass parse_bypass(const std::vector<std::string>& options) {
  Bypass b;
  for (const auto& o : options) {
    if (o.starts_with("custody.bypass="))
      b.fingerprints.insert(o.substr(std::string_view("custody.bypass=").size()));
    else if (o.starts_with("custody.reason="))
      b.reason = o.substr(std::string_view("custody.reason=").size());
  }
  b.reason_valid =
      std::find(std::begin(k_reasons), std::end(k_reasons), b.reason) != std::end(k_reasons);
  return b;
}

policy::Violation violation(const hook::RefDecision& d, std::string rule, std::string message,
                            std::vector<std::string> hints) {
  policy::Violation v;
  v.rule = std::move(rule);
  v.control = k_control;
  v.ref = d.update.ref;
  v.message = std::move(message);
  v.hints = std::move(hints);
  return v;
}

void reject_all(std::vector<hook::RefDecision>& decisions, const std::vector<size_t>& refs,
                const std::string& rule, const std::string& message,
                const std::vector<std::string>& hints) {
  for (size_t i : refs)
    decisions[i].violations.push_back(violation(decisions[i], rule, message, hints));
}

} // namespace

void check_push(hook::PushContext& ctx, std::vector<hook::RefDecision>& decisions) {
  const SecretsConfig& config = ctx.config.secrets;
  if (!config.enabled)
    return;
  const auto started = std::chrono::steady_clock::now();
  const Deadline deadline = started + std::chrono::milliseconds(config.time_budget_ms);

  // 1. The refs that gain commits, and where each one's new commits start.
  std::vector<size_t> refs;
  std::vector<std::string> tips;
  for (size_t i = 0; i < decisions.size(); ++i) {
    const auto& d = decisions[i];
    std::string tip;
    if (!d.update.is_delete() && d.kind != refs::UpdateKind::unchanged)
      if (auto c = ctx.repo.peel_to_commit(d.update.new_oid))
        tip = *c;
    tips.push_back(tip);
    if (!tip.empty())
      refs.push_back(i);
  }
  if (refs.empty())
    return;
  if (ctx.hook == hook::HookKind::update) {
    // Documented in docs/secrets.md: only pre-receive keeps a rejected push's blobs out.
    ctx.notes
        << "custody: warning: secret scanning runs in the update hook; a rejected push's objects "
           "stay in the "
           "repository. Install custody's pre-receive hook (custody install) to keep them out.\n";
  }

  auto fail = [&](const std::string& what) {
    reject_all(decisions, refs, "secrets.unavailable",
               fmt::format("secret scanning could not run: {}", what),
               {"an administrator must fix the secret scanning setup (custody config check); retry "
                "the push then"});
  };
  // 2. Commits every existing ref points to: anything reachable from them is not new. In
  // pre-receive (and update) the refs still point at their old values; a mirror check runs after
  // the fetch moved them, so the refs it checks count at their old values there.
  const bool mirror = ctx.hook == hook::HookKind::mirror_check;
  // pre-receive: the push's objects are still in quarantine, so a commit is new exactly when the
  // pre-push object store lacks it; no ref needs listing (cost grows with the push, not with the
  // repository's refs). update and mirror checks run after the objects were stored: there, the
  // commits existing refs point to mark what is old.
  const bool quarantined = ctx.hook == hook::HookKind::pre_receive;
  std::map<std::string, std::string> before;
  for (const auto& d : decisions)
    before[d.update.ref] = d.update.old_oid;
  std::vector<std::string> hide;
  std::set<std::string> hidden;
  auto hide_commit = [&](const std::string& target) {
    if (refs::is_zero_oid(target))
      return;
    if (auto c = ctx.repo.peel_to_commit(target))
      if (hidden.insert(*c).second)
        hide.push_back(*c);
  };
  if (!quarantined) {
    auto listed = ctx.repo.for_each_ref([&](const std::string& name, const std::string& target) {
      if (!mirror || before.count(name) == 0)
        hide_commit(target);
    });
    if (!listed)
      return fail(listed.error().message);
  }
  if (mirror)
    for (const auto& [name, old] : before)
      hide_commit(old);
  // Without a quarantine every object is already in the store (git moves the push's objects in
  // after pre-receive, before update runs; a fetch writes them directly), so there a blob is new
  // when a new commit introduces it.
  std::optional<git::BaseObjects> base;
  if (quarantined) {
    auto opened = git::BaseObjects::open(ctx.repo.git_dir());
    if (!opened)
      return fail(opened.error().message);
    base.emplace(std::move(*opened));
  }
  auto is_old_blob = [&](const std::string& id) { return base && base->contains(id); };
  std::vector<NewCommit> commits; // their messages and paths are scanned too (pushed_text.hpp)
  auto blobs = new_blobs(ctx.repo, tips, hide, is_old_blob,
                         quarantined ? IsOld(is_old_blob) : IsOld(), &commits);
  if (!blobs)
    return fail(blobs.error().message);
  auto tags = new_tags(ctx.repo, decisions, is_old_blob);
  if (!tags)
    return fail(tags.error().message);

  // 3. Scan. The engine is built only when there is something to scan: deletes and pushes of
  // objects the repository already has cost nothing (docs/ARCHITECTURE.md, "Per-push cost").
  BlobScanReport report;
  size_t texts = 0; // entries for commit and tag messages and paths, after the blobs
  if (!blobs->empty() || !commits.empty() || !tags->empty()) {
    auto engine = load_engine(config, ctx.repo.git_dir());
    if (!engine)
      return fail(engine.error().message);
    report = scan_blobs(ctx.repo, engine->engine, *blobs, config.max_blob_bytes, deadline);
    texts = scan_pushed_text(engine->engine, commits, *tags, config.max_blob_bytes, decisions,
                             *blobs, report);
  }
  const auto elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();

  // 4. Findings, bypasses, skipped blobs → violations and evidence on the ref that brought them.
  const Bypass bypass = parse_bypass(ctx.push_options);
  std::set<std::string> bypass_used;
  for (size_t i : refs) {
    decisions[i].evidence["findings"] = util::Json::array();
    decisions[i].evidence["skipped"] = util::Json::array();
  }
  size_t not_scanned = 0;
  uint64_t blob_count = 0;
  for (size_t b = 0; b < blobs->size(); ++b) {
    const NewBlob& nb = (*blobs)[b];
    const ScannedBlob& sb = report.blobs[b];
    auto& d = decisions[nb.ref_index];
    ++blob_count;
    if (sb.status == BlobStatus::not_scanned) {
      ++not_scanned;
    } else if (sb.status != BlobStatus::scanned) {
      d.evidence["skipped"].push_back({{"blob", nb.id},
                                       {"commit", nb.commit},
                                       {"path", nb.path},
                                       {"reason", std::string(blob_status_name(sb.status))},
                                       {"size", sb.size}});
      if (auto refusal = refusal_for(sb, config)) {
        auto v = violation(d, refusal->rule, refusal->message, {refusal->hint});
        v.commit = nb.commit;
        v.path = nb.path;
        d.violations.push_back(std::move(v));
      }
    }
    for (const auto& rule : sb.limited_rules)
      d.evidence["secrets_limited_rules"].push_back(
          {{"rule", rule}, {"path", nb.path}, {"blob", nb.id}});
    for (const Finding& f : sb.findings) {
      if (record_silenced_by_marker(f, nb, ctx, d))
        continue;
      d.evidence["findings"].push_back({{"rule", f.rule},
                                        {"commit", nb.commit},
                                        {"path", nb.path},
                                        {"line", f.line},
                                        {"fingerprint", f.fingerprint},
                                        {"redacted", f.redacted},
                                        {"tier", std::string(tier_name(f.tier))}});
      // Warn-tier rules (generic assignments, entropy guesses) are shown and recorded, never
      // refused: a gate that blocks on guesses gets uninstalled (docs/secrets.md, "Tiers").
      if (f.tier == Tier::warn) {
        ctx.notes << fmt::format("custody: warning: possible secret ({}): {} ({}) at commit {}, "
                                 "{}:{}; check it is not a live credential\n",
                                 f.rule, f.description, f.redacted, nb.commit.substr(0, 12),
                                 nb.path, f.line);
        continue;
      }
      if (bypass.fingerprints.count(f.fingerprint) && !ctx.pusher.is_agent && config.allow_bypass &&
          bypass.reason_valid) {
        if (bypass_used.insert(f.fingerprint + "\n" + nb.commit + nb.path).second)
          d.evidence["bypasses"].push_back({{"fingerprint", f.fingerprint},
                                            {"reason", bypass.reason},
                                            {"by", ctx.pusher.name},
                                            {"path", nb.path},
                                            {"commit", nb.commit}});
        continue;
      }
      policy::Violation v =
          violation(d, "secrets." + f.rule,
                    fmt::format("possible secret: {} ({}, fingerprint {})", f.description,
                                f.redacted, f.fingerprint),
                    {fmt::format("remove it from {} and rewrite the commit that added it (git "
                                 "commit --amend, or git rebase -i "
                                 "{}~1); then rotate the credential: it has left your machine",
                                 nb.path, nb.commit.substr(0, 12)),
                     not_a_secret_hint(f, ctx),
                     fmt::format("or bypass it (humans only, recorded in the ledger): git push -o "
                                 "custody.bypass={} -o "
                                 "custody.reason=<false-positive|used-in-tests|will-fix>",
                                 f.fingerprint)});
      if (bypass.fingerprints.count(f.fingerprint)) {
        if (ctx.pusher.is_agent)
          v.hints.insert(
              v.hints.begin(),
              fmt::format("the bypass was refused: {} is an agent account, and agents may "
                          "not bypass secret scanning",
                          ctx.pusher.name));
        else if (!config.allow_bypass)
          v.hints.insert(v.hints.begin(),
                         "the bypass was refused: this server does not allow bypasses");
        else
          v.hints.insert(v.hints.begin(),
                         fmt::format("the bypass was refused: custody.reason must be one of "
                                     "false-positive, used-in-tests, will-fix (got \"{}\")",
                                     bypass.reason));
      }
      v.commit = nb.commit;
      v.path = nb.path;
      v.line = f.line;
      d.violations.push_back(std::move(v));
    }
  }

  // 5. The scan summary, and the time budget.
  util::Json summary = {{"blobs", blob_count - texts},
                        {"bytes", report.bytes_scanned},
                        {"ms", elapsed_ms},
                        {"complete", !report.timed_out}};
  if (ctx.hook == hook::HookKind::update)
    summary["note"] =
        "scanned in the update hook: a rejected push's objects stay in the repository";
  if (report.timed_out) {
    summary["not_scanned"] = not_scanned;
    if (config.on_timeout == OnTimeout::reject) {
      reject_all(
          decisions, refs, "secrets.time_budget",
          fmt::format(
              "secret scanning ran out of its time budget ({} ms) with {} blob(s) not scanned",
              config.time_budget_ms, not_scanned),
          {"push fewer commits at a time, or ask an administrator to raise "
           "[secrets].time_budget_ms"});
    } else {
      summary["note"] =
          fmt::format("not fully scanned: {} blob(s) left when the {} ms budget ran out",
                      not_scanned, config.time_budget_ms);
    }
  }
  for (size_t i : refs)
    decisions[i].evidence["secrets_scan"] = summary;
}

} // namespace custody::secrets
