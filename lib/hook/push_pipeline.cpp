#include "hook/push_pipeline.hpp"

#include "config/loader.hpp"
#include "families/checks.hpp"
#include "hook/cutover.hpp"
#include "hook/exit_code.hpp"
#include "hook/record.hpp"
#include "hook/render.hpp"
#include "identity/identity.hpp"
#include "install/hook_installer.hpp"
#include "ledger/ledger.hpp"
#include "ledger/location.hpp"
#include "policy/bypass.hpp"
#include "refs/classify.hpp"

#include <fmt/format.h>

#include <ctime>
#include <ostream>
#include <utility>

namespace custody::hook {

namespace fs = std::filesystem;

std::string_view hook_name(HookKind hook) {
  switch (hook) {
  case HookKind::pre_receive:
    return "pre-receive";
  case HookKind::update:
    return "update";
  case HookKind::mirror_check:
    return "mirror-check";
  case HookKind::dry_run:
    return "check";
  }
  return "unknown";
}

std::vector<std::string> push_options_from_env(const util::Environment& env) {
  std::vector<std::string> options;
  auto count = env.get_nonempty("GIT_PUSH_OPTION_COUNT");
  int n = count ? std::atoi(count->c_str()) : 0;
  for (int i = 0; i < n && i < 1000; ++i)
    if (auto v = env.get(fmt::format("GIT_PUSH_OPTION_{}", i)))
      options.push_back(*v);
  return options;
}

Result<Judged> judge(policy::PushContext& ctx, const std::vector<refs::RefUpdate>& updates) {
  Judged judged;
  for (const auto& update : updates) {
    RefDecision d;
    d.update = update;
    auto kind = refs::classify(ctx.repo, update);
    if (!kind)
      return make_error(
          kind.error().code, fmt::format("cannot check {}: {}", update.ref, kind.error().message),
          "the push's objects could not be read; retry, and report it if it persists");
    d.kind = *kind;
    d.rulesets = ctx.rulesets().targeting(update.ref);
    d.is_protected = !d.rulesets.empty();
    judged.decisions.push_back(std::move(d));
  }
  // Every family sees every ref, so the pusher learns of all problems in one round trip.
  families::run_checks(ctx, judged.decisions);
  policy::settle(ctx.rulesets(), judged.decisions);
  policy::apply_bypass(ctx, judged.decisions);
  judged.verdict =
      policy::decide(judged.decisions, ctx.hook == HookKind::pre_receive ? policy::Scope::whole_push
                                                                         : policy::Scope::per_ref);
  return judged;
}

namespace {

// Appends `records`; on failure prints why the push is refused and returns false.
bool record(const ledger::LedgerOptions& options, const std::vector<util::Json>& records,
            std::ostream& err, const RenderOptions& render) {
  auto appended = ledger::append(options, records);
  if (appended)
    return true;
  // A damaged or discontinuous ledger names its own remedy; anything else is the file system.
  const Error& why = appended.error();
  std::string hint = why.code == ErrorCode::invalid_input && !why.hint.empty()
                         ? why.hint
                         : fmt::format("an administrator must make {} writable (disk space, "
                                       "permissions); run `custody doctor` on the server",
                                       options.path.parent_path().string());
  render_failure(err,
                 make_error(ErrorCode::io_failure,
                            fmt::format("push refused: its decision could not be recorded in the "
                                        "ledger ({})",
                                        why.message),
                            hint),
                 render);
  return false;
}

} // namespace

int run_push_hook(HookKind hook, const Result<std::vector<refs::RefUpdate>>& parsed, Io& io) {
  return run_push_pipeline(hook, parsed, io).exit_code;
}

PushOutcome run_push_pipeline(HookKind hook, const Result<std::vector<refs::RefUpdate>>& parsed,
                              Io& io) {
  const RenderOptions render = render_options_for(io.env, hook);

  // 1. The repository, with the push's objects still in quarantine.
  auto repo = git::Repo::open_for_hook(io.env, io.cwd);
  if (!repo) {
    render_failure(io.err, repo.error(), render);
    return {k_exit_internal_error, {}};
  }

  // With custody's pre-receive also installed, that hook already decided and recorded every ref
  // of this push (update runs only after pre-receive said yes): do not record it twice.
  if (hook == HookKind::update && install::is_custody_hook(repo->hooks_dir() / "pre-receive"))
    return {k_exit_ok, {}};

  // 2. Configuration: embedded default → /etc → $GIT_DIR → $CUSTODY_CONFIG. Never pushed content.
  auto loaded = config::load_config(config::load_options_from_env(io.env, repo->git_dir()));
  const config::Config& config = loaded.config;
  const auto ledger = ledger_options(config, repo->git_dir(), io.env);
  const RunFacts run =
      make_run_facts(io.env, std::string(hook_name(hook)), repo->git_dir().string());
  const identity::Pusher pusher =
      identity::identify_pusher(io.env, identity::Directory::of(config));

  // 3. Input or configuration we cannot trust: refuse everything, and say so in the ledger.
  auto refuse_all = [&](const std::string& type, const Error& error) -> PushOutcome {
    std::vector<util::Json> records;
    if (parsed)
      for (const auto& u : *parsed)
        records.push_back(failure_record(run, &pusher, &u, type, error));
    if (records.empty())
      records.push_back(failure_record(run, &pusher, nullptr, type, error));
    render_failure(io.err, error, render);
    record(ledger, records, io.err, render);
    return {k_exit_internal_error, {}};
  };
  if (!parsed)
    return refuse_all("invalid-input", parsed.error());
  if (!loaded.diagnostics.empty()) {
    const auto& d = loaded.diagnostics;
    std::string more = d.size() > 1 ? fmt::format(" (and {} more)", d.size() - 1) : "";
    return refuse_all(
        "config-error",
        make_error(
            ErrorCode::invalid_config,
            fmt::format("configuration error: {}{}", d.front().to_string(), more),
            fmt::format("fix the file (`custody config check {}` lists every problem); until then "
                        "every push is refused",
                        d.front().file)));
  }

  // A date cut-over is anchored to the protected refs' tips recorded the first time it is seen.
  if (auto cut = resolve_cutover(loaded.config, *repo, ledger,
                                 hook == HookKind::pre_receive || hook == HookKind::update);
      !cut)
    return refuse_all("cutover-error", cut.error());

  // 4. Judge: classify, run every check family, apply bypasses, decide. git applies a push to a
  // symbolic ref (refs/heads/latest -> refs/heads/main) to its target, so the target is judged.
  std::vector<refs::RefUpdate> updates = *parsed;
  std::vector<std::string> pushed_as(updates.size());
  for (size_t i = 0; i < updates.size(); ++i)
    if (auto target = repo->symbolic_target(updates[i].ref)) {
      pushed_as[i] = std::exchange(updates[i].ref, *target);
    }
  policy::PushScope scope(*repo, updates,
                          hook == HookKind::pre_receive && repo->has_quarantine()
                              ? policy::Objects::quarantined
                              : policy::Objects::stored,
                          hook == HookKind::mirror_check);
  PushContext ctx{config,
                  *repo,
                  pusher,
                  hook,
                  push_options_from_env(io.env),
                  io.env,
                  static_cast<int64_t>(std::time(nullptr)),
                  io.err,
                  scope};
  auto judged = judge(ctx, updates);
  if (!judged)
    return refuse_all("git-error", judged.error());
  for (size_t i = 0; i < pushed_as.size(); ++i)
    if (!pushed_as[i].empty())
      judged->decisions[i].evidence["pushed_as"] = pushed_as[i];
  const auto& verdict = judged->verdict;
  std::vector<util::Json> records;
  for (size_t i = 0; i < judged->decisions.size(); ++i)
    records.push_back(decision_record(run, pusher, judged->decisions[i], verdict.refs[i].accepted,
                                      verdict.refs[i].note));

  // 5. Record before answering: a decision that is not in the ledger is never a yes.
  render_verdict(io.err, judged->decisions, verdict, render);
  if (!record(ledger, records, io.err, render))
    return {k_exit_internal_error, std::move(*judged)};
  return {verdict.refused() ? k_exit_rejected : k_exit_ok, std::move(*judged)};
}

} // namespace custody::hook
