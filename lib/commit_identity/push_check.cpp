// The commit-identity family; see push_check.hpp.
#include "commit_identity/push_check.hpp"

#include "commit_identity/rules.hpp"
#include "commit_identity/signature.hpp"
#include "identity/host_env.hpp"
#include "pushrules/gained.hpp"
#include "pushrules/violation.hpp"

#include <fmt/format.h>

#include <map>
#include <memory>
#include <optional>
#include <set>

namespace custody::commit_identity {

namespace {

constexpr const char* k_control = "CC6.1";

std::string who(const git::Signature& s) {
  return fmt::format("{} <{}>", s.name, s.email);
}

// What the push knows about one new commit, read and judged once however many refs gain it.
struct CommitFacts {
  git::Signature committer;
  std::string subject;
  const identity::Person* committer_person = nullptr;
  bool is_pusher = false;
  std::optional<SignatureFinding> signature; // judged on first need
};

class Checker {
public:
  explicit Checker(policy::PushContext& ctx)
      : m_ctx(ctx), m_registry(ctx.config.get<identity::Registry>()),
        m_platform(identity::web_merge_platform(ctx.env)),
        m_pushed(ctx.hook == policy::HookKind::pre_receive || ctx.hook == policy::HookKind::update),
        m_pusher(m_pushed ? m_registry.by_account(ctx.pusher.name) : nullptr) {}

  void check_ref(const pushrules::Gained& gained, policy::RefDecision& d,
                 const std::vector<size_t>& rulesets);
  void unreadable(policy::RefDecision& d, const std::vector<size_t>& rulesets, const Error& e);
  // Whether `d` is a direct push to a protected ref (its commits' committers are recorded).
  bool records(const policy::RefDecision& d) const {
    return m_pushed && m_platform.empty() && d.is_protected;
  }
  // Adds the commit's committer (and signature, when judged) to `d`'s ledger record, once a push.
  void record(const std::string& id, policy::RefDecision& d);

private:
  CommitFacts* facts(const std::string& id);
  const SignatureFinding& signature(const std::string& id, CommitFacts& f);
  void judge(const policy::Ruleset& r, const std::string& id, const std::string& tip,
             policy::RefDecision& d);
  void add(const policy::Ruleset& r, const char* key, const std::string& id, std::string message,
           std::vector<std::string> hints, policy::RefDecision& d);

  policy::PushContext& m_ctx;
  const identity::Registry& m_registry;
  const std::string m_platform;
  const bool m_pushed;
  const identity::Person* m_pusher;
  std::map<std::string, std::optional<CommitFacts>> m_facts;
  std::set<std::string> m_recorded;
  std::unique_ptr<SignatureJudge> m_judge;
};

CommitFacts* Checker::facts(const std::string& id) {
  auto [it, fresh] = m_facts.try_emplace(id);
  if (fresh) {
    auto info = m_ctx.repo.commit(id);
    if (info) {
      CommitFacts f;
      f.committer = info->committer;
      f.subject = pushrules::subject_of(info->message);
      f.committer_person = m_registry.by_email(f.committer.email);
      f.is_pusher = m_pusher && m_pusher == f.committer_person;
      it->second = std::move(f);
    }
  }
  return it->second ? &*it->second : nullptr;
}

const SignatureFinding& Checker::signature(const std::string& id, CommitFacts& f) {
  if (!f.signature) {
    if (!m_judge)
      m_judge = std::make_unique<SignatureJudge>(m_ctx.config);
    f.signature = m_judge->judge(m_ctx.repo, id, f.committer);
  }
  return *f.signature;
}

void Checker::add(const policy::Ruleset& r, const char* key, const std::string& id,
                  std::string message, std::vector<std::string> hints, policy::RefDecision& d) {
  policy::Violation v;
  v.rule = fmt::format("commit_identity.{}", key);
  v.control = k_control;
  v.ref = d.update.ref;
  v.commit = id;
  v.ruleset = r.name;
  v.message = std::move(message);
  v.hints = std::move(hints);
  d.violations.push_back(std::move(v));
}

std::string signature_problem(const CommitFacts& f, const SignatureFinding& s) {
  const std::string committer =
      f.committer_person
          ? who(f.committer)
          : fmt::format("{}, whose email no [[people]] entry lists", who(f.committer));
  if (s.state == SignatureState::unsigned_)
    return fmt::format("commit \"{}\" is unsigned", f.subject);
  return fmt::format("commit \"{}\" is signed by a key not registered to its committer ({}): {}",
                     f.subject, committer,
                     s.signer.empty()
                         ? "no key in [[people]] ssh_keys or gpg_fingerprints made a valid "
                           "signature of it"
                         : fmt::format("the key is {}'s", s.signer));
}

void Checker::judge(const policy::Ruleset& r, const std::string& id, const std::string& tip,
                    policy::RefDecision& d) {
  const auto& rules = r.rules.get<CommitIdentityRules>();
  CommitFacts* f = facts(id);
  if (rules.require_signed_commits && !(id == tip && !m_platform.empty())) {
    const auto& s = signature(id, *f);
    if (s.state != SignatureState::valid)
      add(r, "require_signed_commits", id,
          fmt::format("{}; ruleset \"{}\" requires every new commit to be signed by a key "
                      "registered to its committer ({}) in [[people]] ssh_keys or gpg_fingerprints",
                      signature_problem(*f, s), r.name, who(f->committer)),
          {"sign it with a key registered to its committer: git -c gpg.format=ssh -c "
           "user.signingkey=~/.ssh/id_ed25519 commit --amend --no-edit -S",
           "for older commits, sign each one: git -c gpg.format=ssh -c "
           "user.signingkey=~/.ssh/id_ed25519 rebase --exec 'git commit --amend --no-edit -S' "
           "<base>",
           "with OpenPGP: git -c gpg.format=openpgp -c user.signingkey=FINGERPRINT commit --amend "
           "--no-edit -S (the key registered in [[people]] gpg_fingerprints and exported to "
           "[signing] gpg_keyring)"},
          d);
  }
  if (rules.committer_is_pusher && m_pushed && m_platform.empty() && !f->is_pusher)
    add(r, "committer_is_pusher", id,
        fmt::format("commit \"{}\" was committed by {} ({}), not by the pusher {} ({}); ruleset "
                    "\"{}\" requires every new commit's committer to be the authenticated pusher",
                    f->subject, who(f->committer),
                    f->committer_person ? f->committer_person->name : "not in [[people]]",
                    m_ctx.pusher.name, m_pusher ? m_pusher->name : "not in [[people]]", r.name),
        {"push only commits you committed, with an email listed for you in [[people]] emails",
         "or become their committer (the authors stay): git rebase --force-rebase <base>"},
        d);
}

void Checker::record(const std::string& id, policy::RefDecision& d) {
  const CommitFacts* f = facts(id);
  if (!f || !m_recorded.insert(id).second)
    return;
  util::Json entry = {{"id", id},
                      {"committer", who(f->committer)},
                      {"committer_person", f->committer_person ? f->committer_person->name : ""},
                      {"committer_is_pusher", f->is_pusher}};
  if (f->signature) {
    entry["signature"] = state_name(f->signature->state);
    entry["signed_by"] = f->signature->signer;
  }
  if (!d.evidence.contains("commit_identity"))
    d.evidence["commit_identity"] = util::Json::array();
  d.evidence["commit_identity"].push_back(std::move(entry));
}

void Checker::unreadable(policy::RefDecision& d, const std::vector<size_t>& rulesets,
                         const Error& e) {
  for (size_t i : rulesets) {
    const auto& r = m_ctx.rulesets().all()[i];
    add(r, "unreadable", "",
        fmt::format("the commits this push brings could not be read, so ruleset \"{}\"'s "
                    "signature and committer rules cannot be checked: {}",
                    r.name, e.message),
        {"retry the push; if it keeps failing, an administrator should run `git fsck` on the "
         "server"},
        d);
  }
}

void Checker::check_ref(const pushrules::Gained& gained, policy::RefDecision& d,
                        const std::vector<size_t>& rulesets) {
  auto tip = m_ctx.repo.peel_to_commit(d.update.new_oid);
  if (!tip)
    return; // a tree or blob gains no commits; unreadable objects fail in the other families
  for (size_t c : gained.commits_from(*tip)) {
    const std::string& id = m_ctx.scope.introduced()->commits[c].id;
    if (!facts(id)) {
      unreadable(
          d, rulesets,
          make_error(ErrorCode::git_failure, fmt::format("commit {} could not be read", id)));
      continue;
    }
    for (size_t i : rulesets)
      judge(m_ctx.rulesets().all()[i], id, *tip, d);
    if (records(d))
      record(id, d);
  }
}

// The rulesets targeting `d` with commit-identity rules.
std::vector<size_t> rulesets_of(const policy::PushContext& ctx, const policy::RefDecision& d) {
  std::vector<size_t> out;
  for (size_t i : d.rulesets)
    if (ctx.rulesets().all()[i].rules.get<CommitIdentityRules>().any())
      out.push_back(i);
  return out;
}

} // namespace

void check_push(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions) {
  Checker checker(ctx);
  std::vector<std::vector<size_t>> rulesets(decisions.size());
  bool work = false;
  for (size_t i = 0; i < decisions.size(); ++i) {
    const auto& d = decisions[i];
    if (d.update.is_delete() || d.kind == refs::UpdateKind::unchanged)
      continue;
    rulesets[i] = rulesets_of(ctx, d);
    work = work || !rulesets[i].empty() || checker.records(d);
  }
  if (!work)
    return;
  const auto& introduced = ctx.scope.introduced();
  if (!introduced) {
    for (size_t i = 0; i < decisions.size(); ++i)
      checker.unreadable(decisions[i], rulesets[i], introduced.error());
    return;
  }
  const pushrules::Gained gained(*introduced);
  for (size_t i = 0; i < decisions.size(); ++i)
    if (!rulesets[i].empty())
      checker.check_ref(gained, decisions[i], rulesets[i]);
  // Refs with no rule here only record, each commit under the first ref that brings it: one pass
  // over the new commits, however many protected refs (20,000 tags) the push updates.
  for (const auto& c : introduced->commits)
    if (c.ref_index < decisions.size() && rulesets[c.ref_index].empty() &&
        checker.records(decisions[c.ref_index]))
      checker.record(c.id, decisions[c.ref_index]);
}

} // namespace custody::commit_identity
