// check_push: secret scanning of what a push introduces; see push_check.hpp.
#include "secrets/push_check.hpp"

#include "secrets/blob_scan.hpp"
#include "secrets/finding_policy.hpp"
#include "secrets/new_blobs.hpp"
#include "secrets/push_bypass.hpp"
#include "secrets/pushed_text.hpp"
#include "secrets/rule_set.hpp"
#include "secrets/ruleset_rules.hpp"
#include "secrets/secrets_config.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ostream>
#include <set>

namespace custody::secrets {

namespace {

constexpr const char* k_control = "CC6.1";

policy::Violation violation(const policy::RefDecision& d, const std::string& ruleset,
                            std::string rule, std::string message, std::vector<std::string> hints) {
  policy::Violation v;
  v.rule = std::move(rule);
  v.control = k_control;
  v.ref = d.update.ref;
  v.message = std::move(message);
  v.hints = std::move(hints);
  v.ruleset = ruleset;
  return v;
}

// The refs whose new content is scanned, each with the strictest ruleset that asks for it ("" for
// refs nothing scans).
std::vector<std::string> scanning_rulesets(const policy::PushContext& ctx,
                                           const std::vector<policy::RefDecision>& decisions) {
  const auto& rulesets = ctx.rulesets();
  std::vector<std::string> out;
  for (const auto& d : decisions) {
    std::vector<size_t> candidates;
    for (size_t i = 0; i < rulesets.all().size(); ++i) {
      const auto& r = rulesets.all()[i];
      const ScanScope scope = r.rules.get<SecretRules>().secret_scanning;
      if (r.enforcement != policy::Enforcement::disabled &&
          (scope == ScanScope::all_refs ||
           (scope == ScanScope::targeted_refs && r.targets(d.update.ref))))
        candidates.push_back(i);
    }
    const int best = policy::strictest(rulesets, candidates);
    out.push_back(best < 0 ? "" : rulesets.all()[static_cast<size_t>(best)].name);
  }
  return out;
}

// Everything the scan decided, per blob, turned into evidence and violations on the ref that
// brought the blob.
class FindingRecorder {
public:
  FindingRecorder(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions,
                  const std::vector<std::string>& rulesets)
      : m_ctx(ctx), m_config(ctx.config.get<SecretsConfig>()), m_decisions(decisions),
        m_rulesets(rulesets), m_bypass(parse_finding_bypass(ctx.push_options)) {}

  void blob(const NewBlob& nb, const ScannedBlob& sb) {
    auto& d = m_decisions[nb.ref_index];
    if (sb.status != BlobStatus::scanned && sb.status != BlobStatus::not_scanned)
      skipped(d, nb, sb);
    for (const ArchiveSkip& skip : sb.archive_skips)
      archive_skipped(d, nb, skip);
    for (const auto& rule : sb.limited_rules)
      d.evidence["secrets_limited_rules"].push_back(
          {{"rule", rule}, {"path", nb.path}, {"blob", nb.id}});
    for (const Finding& f : sb.findings)
      finding(d, nb, f);
  }

private:
  policy::PushContext& m_ctx;
  const SecretsConfig& m_config;
  std::vector<policy::RefDecision>& m_decisions;
  const std::vector<std::string>& m_rulesets;
  const FindingBypass m_bypass;
  std::set<std::string> m_bypass_used;

  const std::string& ruleset_of(const policy::RefDecision& d) const {
    return m_rulesets[static_cast<size_t>(&d - m_decisions.data())];
  }

  void skipped(policy::RefDecision& d, const NewBlob& nb, const ScannedBlob& sb) {
    const std::string status(blob_status_name(sb.status));
    d.evidence["skipped"].push_back({{"blob", nb.id},
                                     {"commit", nb.commit},
                                     {"path", nb.path},
                                     {"reason", status},
                                     {"size", sb.size}});
    auto refusal = refusal_for(sb, m_config);
    if (!refusal)
      return;
    auto v = violation(d, ruleset_of(d), refusal->rule, refusal->message, {refusal->hint});
    v.commit = nb.commit;
    v.path = nb.path;
    d.violations.push_back(std::move(v));
  }

  // A member of an archive blob that was not (fully) scanned: recorded like a skipped blob.
  void archive_skipped(policy::RefDecision& d, const NewBlob& nb, const ArchiveSkip& skip) {
    const std::string path =
        skip.inner_path.empty() ? nb.path : fmt::format("{}!{}", nb.path, skip.inner_path);
    d.evidence["skipped"].push_back({{"blob", nb.id},
                                     {"commit", nb.commit},
                                     {"path", path},
                                     {"reason", std::string(archive_skip_name(skip.reason))},
                                     {"size", skip.size}});
    auto refusal = refusal_for(skip, nb.path, m_config);
    if (!refusal)
      return;
    auto v = violation(d, ruleset_of(d), refusal->rule, refusal->message, {refusal->hint});
    v.commit = nb.commit;
    v.path = path;
    d.violations.push_back(std::move(v));
  }

  bool bypassed(policy::RefDecision& d, const NewBlob& nb, const Finding& f) {
    if (!m_bypass.fingerprints.count(f.fingerprint) || m_ctx.pusher.is_agent ||
        !m_config.allow_bypass || !m_bypass.reason_valid)
      return false;
    if (m_bypass_used.insert(f.fingerprint + "\n" + nb.commit + finding_path(nb.path, f)).second)
      d.evidence["bypasses"].push_back({{"fingerprint", f.fingerprint},
                                        {"reason", m_bypass.reason},
                                        {"by", m_ctx.pusher.name},
                                        {"path", finding_path(nb.path, f)},
                                        {"commit", nb.commit}});
    return true;
  }

  // Why a bypass the pusher asked for was refused, or "".
  std::string bypass_refusal(const Finding& f) const {
    if (!m_bypass.fingerprints.count(f.fingerprint))
      return "";
    if (m_ctx.pusher.is_agent)
      return fmt::format("the bypass was refused: {} is an agent account, and agents may not "
                         "bypass secret scanning",
                         m_ctx.pusher.name);
    if (!m_config.allow_bypass)
      return "the bypass was refused: this server does not allow bypasses";
    return fmt::format("the bypass was refused: custody.reason must be one of false-positive, "
                       "used-in-tests, will-fix (got \"{}\")",
                       m_bypass.reason);
  }

  void finding(policy::RefDecision& d, const NewBlob& nb, const Finding& f) {
    if (record_silenced_by_marker(f, nb, m_ctx, d))
      return;
    const std::string path = finding_path(nb.path, f);
    d.evidence["findings"].push_back({{"rule", f.rule},
                                      {"commit", nb.commit},
                                      {"path", path},
                                      {"line", f.line},
                                      {"fingerprint", f.fingerprint},
                                      {"redacted", f.redacted},
                                      {"tier", std::string(tier_name(f.tier))}});
    // Warn-tier rules (generic assignments, entropy guesses) are shown and recorded, never
    // refused: a gate that blocks on guesses gets uninstalled (docs/secrets.md, "Tiers").
    if (f.tier == Tier::warn) {
      m_ctx.notes << fmt::format("custody: warning: possible secret ({}): {} ({}) at commit {}, "
                                 "{}:{}; check it is not a live credential\n",
                                 f.rule, f.description, f.redacted, nb.commit.substr(0, 12), path,
                                 f.line);
      return;
    }
    if (bypassed(d, nb, f))
      return;
    policy::Violation v = violation(
        d, ruleset_of(d), "secrets." + f.rule,
        fmt::format("possible secret: {} ({}, fingerprint {})", f.description, f.redacted,
                    f.fingerprint),
        {fmt::format("remove it from {} and rewrite the commit that added it (git commit --amend, "
                     "or git rebase -i {}~1); then rotate the credential: it has left your machine",
                     path, nb.commit.substr(0, 12)),
         not_a_secret_hint(f, m_ctx),
         fmt::format("or bypass it (humans only, recorded in the ledger): git push -o "
                     "custody.bypass={} -o "
                     "custody.reason=<false-positive|used-in-tests|will-fix>",
                     f.fingerprint)});
    if (auto refusal = bypass_refusal(f); !refusal.empty())
      v.hints.insert(v.hints.begin(), refusal);
    v.commit = nb.commit;
    v.path = path;
    v.line = f.line;
    d.violations.push_back(std::move(v));
  }
};

// The scan summary on every scanned ref, and the time-budget verdict.
void summarise(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions,
               const std::vector<size_t>& refs, const std::vector<std::string>& rulesets,
               const BlobScanReport& report, size_t blob_count, int64_t elapsed_ms,
               const std::string& method) {
  const SecretsConfig& config = ctx.config.get<SecretsConfig>();
  size_t not_scanned = 0;
  for (const auto& b : report.blobs)
    not_scanned += b.status == BlobStatus::not_scanned ? 1 : 0;
  util::Json summary = {{"blobs", blob_count},
                        {"bytes", report.bytes_scanned},
                        {"ms", elapsed_ms},
                        {"complete", !report.timed_out},
                        {"new_objects_by", method}};
  if (ctx.hook == policy::HookKind::update)
    summary["note"] =
        "scanned in the update hook: a rejected push's objects stay in the repository";
  if (report.timed_out) {
    summary["not_scanned"] = not_scanned;
    if (config.on_timeout == OnTimeout::reject)
      for (size_t i : refs)
        decisions[i].violations.push_back(violation(
            decisions[i], rulesets[i], "secrets.time_budget",
            fmt::format(
                "secret scanning ran out of its time budget ({} ms) with {} blob(s) not scanned",
                config.time_budget_ms, not_scanned),
            {"push fewer commits at a time, or ask an administrator to raise "
             "[secrets].time_budget_ms"}));
    else
      summary["note"] =
          fmt::format("not fully scanned: {} blob(s) left when the {} ms budget ran out",
                      not_scanned, config.time_budget_ms);
  }
  for (size_t i : refs)
    decisions[i].evidence["secrets_scan"] = summary;
}

// The messages of the commits and annotated tags the push introduces, and the paths each commit
// adds or changes, as the push scope read them: scanned as text (pushed_text.hpp).
void collect_pushed_text(const policy::Introduced& introduced,
                         const std::vector<std::string>& rulesets, std::vector<NewCommit>& commits,
                         std::vector<NewTag>& tags) {
  for (const auto& c : introduced.commits)
    if (!rulesets[c.ref_index].empty())
      commits.push_back({c.id, c.message, c.paths, c.ref_index});
  for (const auto& t : introduced.tags)
    if (!rulesets[t.ref_index].empty())
      tags.push_back({t.tag.id, t.tag.message, t.ref_index});
}

} // namespace

void check_push(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions) {
  const SecretsConfig& config = ctx.config.get<SecretsConfig>();
  if (!config.enabled)
    return;
  const auto started = std::chrono::steady_clock::now();
  const Deadline deadline = started + std::chrono::milliseconds(config.time_budget_ms);

  // 1. Which refs are scanned, and under which ruleset; what the push introduces through them.
  const std::vector<std::string> rulesets = scanning_rulesets(ctx, decisions);
  const auto& introduced = ctx.scope.introduced();
  std::vector<size_t> refs;
  for (size_t i = 0; i < decisions.size(); ++i)
    if (!rulesets[i].empty() && !decisions[i].update.is_delete() &&
        decisions[i].kind != refs::UpdateKind::unchanged)
      refs.push_back(i);
  if (refs.empty())
    return;
  // The hint says who can act: a repository it cannot read needs `git fsck`, a broken rule setup
  // needs the configuration fixed.
  auto unavailable = [&](const std::string& why, const char* hint) {
    for (size_t i : refs)
      decisions[i].violations.push_back(
          violation(decisions[i], rulesets[i], "secrets.unavailable",
                    fmt::format("secret scanning could not run: {}", why), {hint}));
  };
  if (!introduced)
    return unavailable(introduced.error().message,
                       "retry the push; if it keeps failing, an administrator should run `git "
                       "fsck` on the server");
  std::vector<NewBlob> blobs;
  for (const auto& b : introduced->blobs)
    if (!rulesets[b.ref_index].empty())
      blobs.push_back({b.id, b.commit, b.path, b.ref_index});
  if (ctx.hook == policy::HookKind::update && !blobs.empty())
    // Documented in docs/secrets.md: only pre-receive keeps a rejected push's blobs out.
    ctx.notes << "custody: warning: secret scanning runs in the update hook; a rejected push's "
                 "objects stay in the repository. Install custody's pre-receive hook (custody "
                 "install) to keep them out.\n";

  std::vector<NewCommit> commits;
  std::vector<NewTag> tags;
  collect_pushed_text(*introduced, rulesets, commits, tags);

  // 2. Scan. The engine is built only when there is something to scan: deletes and pushes of
  // objects the repository already has cost nothing (docs/ARCHITECTURE.md, "Per-push cost").
  BlobScanReport report;
  const size_t blob_count = blobs.size();
  if (!blobs.empty() || !commits.empty() || !tags.empty()) {
    auto engine = load_engine(config, ctx.repo.git_dir());
    if (!engine)
      return unavailable(engine.error().message,
                         "an administrator must fix the secret scanning setup (custody config "
                         "check); retry the push then");
    report = scan_blobs(ctx.repo, engine->engine, blobs, config.max_blob_bytes, deadline);
    // Appends entries for messages and paths after the blobs, and redacts what they found from
    // the decisions: the secrets family runs last (families/checks.cpp).
    scan_pushed_text(engine->engine, commits, tags, config.max_blob_bytes, decisions, blobs,
                     report);
  }
  const auto elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();

  // 3. Findings, bypasses and skipped blobs → violations and evidence; then the summary.
  for (size_t i : refs) {
    decisions[i].evidence["findings"] = util::Json::array();
    decisions[i].evidence["skipped"] = util::Json::array();
  }
  FindingRecorder recorder(ctx, decisions, rulesets);
  for (size_t b = 0; b < blobs.size(); ++b)
    recorder.blob(blobs[b], report.blobs[b]);
  summarise(ctx, decisions, refs, rulesets, report, blob_count, elapsed_ms, introduced->method);
}

} // namespace custody::secrets
