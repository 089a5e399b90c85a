#include "hook/push_pipeline.hpp"

#include "config/loader.hpp"
#include "hook/exit_code.hpp"
#include "hook/record.hpp"
#include "hook/render.hpp"
#include "identity/identity.hpp"
#include "install/hook_installer.hpp"
#include "ledger/ledger.hpp"
#include "policy/ref_policy.hpp"
#include "refs/classify.hpp"
#include "schema/push_check.hpp"
#include "secrets/push_check.hpp"

#include <fmt/format.h>

#include <ctime>
#include <ostream>

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

void run_checks(PushContext& ctx, std::vector<RefDecision>& decisions) {
  policy::check_ref_policy(ctx, decisions);
  schema::check_push(ctx, decisions);
  secrets::check_push(ctx, decisions);
}

ledger::LedgerOptions ledger_options(const config::Config& config, const fs::path& git_dir) {
  fs::path path =
      config.ledger.path.empty() ? fs::path("custody/ledger.jsonl") : fs::path(config.ledger.path);
  if (path.is_relative())
    path = git_dir / path;
  fs::path key = config.ledger.signing_key;
  if (!key.empty() && key.is_relative())
    key = git_dir / key;
  return {path.lexically_normal(), config.ledger.rotate_bytes, key};
}

namespace {

// Appends `records`; on failure prints why the push is refused and returns false.
bool record(const ledger::LedgerOptions& options, const std::vector<util::Json>& records,
            std::ostream& err, const RenderOptions& render) {
  auto appended = ledger::append(options, records);
  if (appended)
    return true;
  render_failure(
      err,
      make_error(
          ErrorCode::io_failure,
          fmt::format("push refused: its decision could not be recorded in the ledger ({})",
                      appended.error().message),
          fmt::format("an administrator must make {} writable (disk space, permissions); run "
                      "`custody doctor` on the server",
                      options.path.parent_path().string())),
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
  const auto ledger = ledger_options(config, repo->git_dir());
  const RunFacts run =
      make_run_facts(io.env, std::string(hook_name(hook)), repo->git_dir().string());
  const identity::Pusher pusher = identity::identify_pusher(io.env, config.agents);

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

  // 4. Classify every update on the objects of the push.
  std::vector<RefDecision> decisions;
  for (const auto& update : *parsed) {
    RefDecision d;
    d.update = update;
    auto kind = refs::classify(*repo, update);
    if (!kind)
      return refuse_all(
          "git-error",
          make_error(kind.error().code,
                     fmt::format("cannot check {}: {}", update.ref, kind.error().message),
                     "the push's objects could not be read; retry, and report it if it persists"));
    d.kind = *kind;
    d.is_protected = policy::is_protected_ref(config.refs, update.ref);
    decisions.push_back(std::move(d));
  }

  // 5. Every check sees every ref, so the pusher learns of all problems in one round trip.
  PushContext ctx{config,
                  *repo,
                  pusher,
                  hook,
                  push_options_from_env(io.env),
                  io.env,
                  static_cast<int64_t>(std::time(nullptr)),
                  io.err};
  run_checks(ctx, decisions);

  // 6. pre-receive decides for the whole push; update for its one ref.
  bool any_violation = false;
  for (const auto& d : decisions)
    any_violation = any_violation || !d.violations.empty();
  std::vector<util::Json> records;
  for (const auto& d : decisions) {
    bool accepted = d.violations.empty() && !(render.whole_push && any_violation);
    std::string note =
        d.violations.empty() && !accepted ? "rejected with the rest of the push" : "";
    records.push_back(decision_record(run, pusher, d, accepted, note));
  }

  // 7. Record before answering: a decision that is not in the ledger is never a yes.
  render_rejection(io.err, decisions, render);
  if (!record(ledger, records, io.err, render))
    return {k_exit_internal_error, std::move(decisions)};
  return {any_violation ? k_exit_rejected : k_exit_ok, std::move(decisions)};
}

} // namespace custody::hook
