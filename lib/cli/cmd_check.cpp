// custody check --since-last: policy for a mirror. A mirror is filled by `git fetch`, which runs
// no receive hooks, so this command checks, after the fact, every ref update since the state it
// last accepted, with the same pipeline as pre-receive (ref policy, trailer schema, secret scan),
// records the decisions and the new state in the ledger, and with --enforce puts offending refs
// back to their last good value. docs/hosts/mirrors.md has the cron/systemd recipes.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "config/loader.hpp"
#include "git/repo.hpp"
#include "hook/exit_code.hpp"
#include "hook/push_pipeline.hpp"
#include "ledger/location.hpp"
#include "mirror/state.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help = R"(usage: custody check --repo PATH --since-last [--enforce]

Checks every ref update in the repository (typically a bare mirror kept up to date with
`git fetch` / `git remote update`, which run no pre-receive hook) since the last checked state,
with the same checks as the pre-receive hook: protected refs (force pushes, deletions, tag
moves, agent pushes), the trailer schema and the secret scan. The objects are already in the
repository: there is no quarantine, so a violation is reported (and, with --enforce, undone),
not prevented.

Each decision is appended to the ledger, followed by a "mirror-state" record holding the refs
now accepted as good: a ref whose update violated policy keeps its last good value there, so the
violation is reported again by every run until it is fixed. The first run records the current
refs as the baseline and checks nothing.

  --repo PATH    the repository
  --since-last   check the updates since the last recorded state (the only mode so far)
  --enforce      also move each offending ref back to its last good value (delete it if it
                 was created; recreate it if it was deleted); refs that moved meanwhile are
                 left alone and reported

Exit status: 0 nothing to report, 1 violations (even when --enforce restored them), 2 the check
could not run (configuration, ledger, repository).
)";

void print_error(std::ostream& err, const Error& e) {
  err << "custody check: " << e.message << "\n";
  if (!e.hint.empty())
    err << "hint: " << e.hint << "\n";
}

// The environment the pipeline sees: this repository, no quarantine, no host identity (a fetch
// has no pusher; CUSTODY_PUSHER names it for the ledger unless the caller set it).
util::Environment mirror_env(util::Environment env, const std::filesystem::path& git_dir) {
  for (const char* var :
       {"GIT_QUARANTINE_PATH", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GITEA_PUSHER_NAME", "GITEA_PUSHER_ID", "GITEA_REPO_NAME", "GITEA_DEPLOY_KEY_ID",
        "GITEA_IS_DEPLOY_KEY", "GL_USERNAME", "GL_ID", "GL_USER", "GL_REPO", "GL_REPOSITORY",
        "GL_PROTOCOL", "REMOTE_USER", "GIT_PUSH_OPTION_COUNT"})
    env.unset(var);
  env.set("GIT_DIR", git_dir.string());
  if (!env.get_nonempty("CUSTODY_PUSHER"))
    env.set("CUSTODY_PUSHER", "mirror-fetch");
  return env;
}

} // namespace

int cmd_check(const Args& args, hook::Io& io) {
  int exit_code = hook::k_exit_ok;
  auto parsed = parse_command_line(
      "check", args, {{"--repo", true}, {"--since-last", false}, {"--enforce", false}}, k_help, io,
      exit_code);
  if (!parsed)
    return exit_code;
  auto repo_path = parsed->value("--repo");
  if (!repo_path || !parsed->has("--since-last")) {
    io.err << "custody check: --repo PATH and --since-last are required\n" << k_help;
    return hook::k_exit_usage;
  }
  const bool enforce = parsed->has("--enforce");
  auto repo = git::Repo::open(*repo_path);
  if (!repo) {
    print_error(io.err, repo.error());
    return hook::k_exit_internal_error;
  }
  const std::string git_dir = repo->git_dir().string();

  // 1. Where the ledger is, and the state it last recorded for this repository.
  auto loaded = config::load_config(config::load_options_from_env(io.env, repo->git_dir()));
  if (!loaded.diagnostics.empty()) {
    print_error(io.err, make_error(ErrorCode::invalid_config,
                                   "configuration error: " + loaded.diagnostics.front().to_string(),
                                   "`custody config check` lists every problem"));
    return hook::k_exit_internal_error;
  }
  const auto ledger = ledger::locate(loaded.config.get<ledger::LedgerConfig>(), repo->git_dir());
  auto last = mirror::last_checked_state(ledger, git_dir);
  if (!last) {
    print_error(io.err, last.error());
    return hook::k_exit_internal_error;
  }

  // 2. The refs now.
  mirror::RefMap current;
  if (auto listed = repo->for_each_ref(
          [&](const std::string& name, const std::string& id) { current[name] = id; });
      !listed) {
    print_error(io.err, listed.error());
    return hook::k_exit_internal_error;
  }

  // 3. No state yet: this run's refs are the baseline.
  if (!*last) {
    if (auto appended =
            ledger::append(ledger, {mirror::state_record(git_dir, current, 0, 0, enforce, {})});
        !appended) {
      print_error(io.err, appended.error());
      return hook::k_exit_internal_error;
    }
    io.out << fmt::format("custody check: first check of {}: recorded its {} refs as the "
                          "baseline (nothing checked)\n",
                          git_dir, current.size());
    return hook::k_exit_ok;
  }
  auto updates = mirror::updates_between(**last, current);
  if (updates.empty()) {
    io.out << "custody check: no ref updates since the last check\n";
    return hook::k_exit_ok;
  }

  // 4. The pre-receive pipeline over those updates: decisions go to the ledger.
  hook::Io pipeline_io{io.in, io.out, io.err, mirror_env(io.env, repo->git_dir()), repo->git_dir()};
  auto outcome = hook::run_push_pipeline(hook::HookKind::mirror_check, updates, pipeline_io);
  const auto& decisions = outcome.judged.decisions;
  if (decisions.empty())
    return outcome.exit_code == hook::k_exit_ok ? hook::k_exit_internal_error : outcome.exit_code;

  // 5. Accept the good updates; keep (and with --enforce restore) the last good value of the rest.
  mirror::RefMap state = **last;
  std::vector<mirror::Restored> restored;
  size_t violations = 0, enforce_failures = 0;
  for (size_t i = 0; i < decisions.size(); ++i) {
    const auto& d = decisions[i];
    const auto& u = d.update;
    if (outcome.judged.verdict.refs[i].accepted) {
      if (u.is_delete())
        state.erase(u.ref);
      else
        state[u.ref] = u.new_oid;
      io.out << fmt::format("ok    {} {}..{}\n", u.ref, u.old_oid.substr(0, 12),
                            u.new_oid.substr(0, 12));
      continue;
    }
    ++violations;
    io.out << fmt::format("FAIL  {} {}..{}: {}\n", u.ref, u.old_oid.substr(0, 12),
                          u.new_oid.substr(0, 12), d.violations.front().message);
    if (!enforce)
      continue;
    const std::string good = u.is_create() ? "" : u.old_oid;
    const std::string bad = u.is_delete() ? "" : u.new_oid;
    auto set = repo->set_ref(u.ref, good, bad, "custody check --enforce: restore last good state");
    if (!set) {
      ++enforce_failures;
      io.err << fmt::format("custody check: could not restore {}: {}\n", u.ref,
                            set.error().message);
      continue;
    }
    restored.push_back({u.ref, bad, good});
    io.out << (good.empty() ? fmt::format("      deleted {} (it did not exist before)\n", u.ref)
                            : fmt::format("      restored {} to {}\n", u.ref, good));
  }

  // 6. The state now accepted as good, hash-chained after the decisions.
  if (auto appended = ledger::append(ledger, {mirror::state_record(git_dir, state, updates.size(),
                                                                   violations, enforce, restored)});
      !appended) {
    print_error(io.err, appended.error());
    return hook::k_exit_internal_error;
  }
  io.out << fmt::format("custody check: {} ref update{} checked, {} violation{}{}\n",
                        updates.size(), updates.size() == 1 ? "" : "s", violations,
                        violations == 1 ? "" : "s",
                        enforce ? fmt::format(", {} restored", restored.size()) : "");
  if (enforce_failures)
    return hook::k_exit_internal_error;
  return violations ? hook::k_exit_rejected : hook::k_exit_ok;
}

} // namespace custody::cli
