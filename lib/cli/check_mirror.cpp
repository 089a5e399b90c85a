// check_mirror(): see check_mirror.hpp.
#include "cli/check_mirror.hpp"

#include "cli/args.hpp"
#include "cli/check_env.hpp"
#include "config/loader.hpp"
#include "git/repo.hpp"
#include "hook/exit_code.hpp"
#include "hook/push_pipeline.hpp"
#include "hook/record.hpp"
#include "ledger/location.hpp"
#include "mirror/state.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

namespace {

struct Mirror {
  git::Repo repo;
  std::string git_dir;
  ledger::LedgerOptions ledger;
  bool first_run = false; // no state recorded yet
  mirror::RefMap last;    // the state last accepted as good
  mirror::RefMap current; // the refs now
};

// The repository, its ledger, the state last recorded there, and its refs now.
Result<Mirror> open_mirror(const std::string& repo_path, const hook::Io& io) {
  auto repo = git::Repo::open(repo_path);
  if (!repo)
    return repo.error();
  auto loaded = config::load_config(config::load_options_from_env(io.env, repo->git_dir()));
  if (!loaded.diagnostics.empty())
    return make_error(ErrorCode::invalid_config,
                      "configuration error: " + loaded.diagnostics.front().to_string(),
                      "`custody config check` lists every problem");
  Mirror m{std::move(*repo), "", {}, false, {}, {}};
  m.git_dir = m.repo.git_dir().string();
  m.ledger = hook::ledger_options(loaded.config, m.repo.git_dir(), io.env);
  auto last = mirror::last_checked_state(m.ledger, m.git_dir);
  if (!last)
    return last.error();
  CUSTODY_TRY(m.repo.for_each_ref(
      [&](const std::string& name, const std::string& id) { m.current[name] = id; }));
  m.first_run = !*last;
  if (*last)
    m.last = std::move(**last);
  return m;
}

struct Outcome {
  mirror::RefMap state; // the refs accepted as good after this run
  std::vector<mirror::Restored> restored;
  size_t violations = 0;
  size_t enforce_failures = 0;
};

// Puts `u.ref` back to its last good value; prints what it did.
void restore(Mirror& m, const refs::RefUpdate& u, Outcome& out, hook::Io& io) {
  const std::string good = u.is_create() ? "" : u.old_oid;
  const std::string bad = u.is_delete() ? "" : u.new_oid;
  auto set = m.repo.set_ref(u.ref, good, bad, "custody check --enforce: restore last good state");
  if (!set) {
    ++out.enforce_failures;
    io.err << fmt::format("custody check: could not restore {}: {}\n", u.ref, set.error().message);
    return;
  }
  out.restored.push_back({u.ref, bad, good});
  io.out << (good.empty() ? fmt::format("      deleted {} (it did not exist before)\n", u.ref)
                          : fmt::format("      restored {} to {}\n", u.ref, good));
}

// Accepts the good updates; keeps (and with `enforce` restores) the last good value of the rest.
Outcome settle_refs(Mirror& m, const hook::Judged& judged, Enforce enforce, hook::Io& io) {
  Outcome out;
  out.state = m.last;
  for (size_t i = 0; i < judged.decisions.size(); ++i) {
    const auto& d = judged.decisions[i];
    const auto& u = d.update;
    if (judged.verdict.refs[i].accepted) {
      if (u.is_delete())
        out.state.erase(u.ref);
      else
        out.state[u.ref] = u.new_oid;
      io.out << fmt::format("ok    {} {}..{}\n", u.ref, u.old_oid.substr(0, 12),
                            u.new_oid.substr(0, 12));
      continue;
    }
    ++out.violations;
    io.out << fmt::format("FAIL  {} {}..{}: {}\n", u.ref, u.old_oid.substr(0, 12),
                          u.new_oid.substr(0, 12), d.violations.front().message);
    if (enforce == Enforce::yes)
      restore(m, u, out, io);
  }
  return out;
}

int fail(std::ostream& err, const Error& e) {
  print_command_error(err, "check", e);
  return hook::k_exit_internal_error;
}

} // namespace

int check_mirror(const std::string& repo_path, Enforce enforce, hook::Io& io) {
  // 1. The repository, its ledger, the state last checked, the refs now.
  auto opened = open_mirror(repo_path, io);
  if (!opened)
    return fail(io.err, opened.error());
  const bool enforcing = enforce == Enforce::yes;
  Mirror& m = *opened;

  // 2. No state yet: this run's refs are the baseline.
  if (m.first_run) {
    if (auto appended = ledger::append(
            m.ledger, {mirror::state_record(m.git_dir, m.current, 0, 0, enforcing, {})});
        !appended)
      return fail(io.err, appended.error());
    io.out << fmt::format("custody check: first check of {}: recorded its {} refs as the "
                          "baseline (nothing checked)\n",
                          m.git_dir, m.current.size());
    return hook::k_exit_ok;
  }
  auto updates = mirror::updates_between(m.last, m.current);
  if (updates.empty()) {
    io.out << "custody check: no ref updates since the last check\n";
    return hook::k_exit_ok;
  }

  // 3. The push pipeline over those updates: decisions go to the ledger.
  hook::Io pipeline_io{io.in, io.out, io.err, offline_env(io.env, m.repo.git_dir(), "mirror-fetch"),
                       m.repo.git_dir()};
  auto outcome = hook::run_push_pipeline(hook::HookKind::mirror_check, updates, pipeline_io);
  if (outcome.judged.decisions.empty())
    return outcome.exit_code == hook::k_exit_ok ? hook::k_exit_internal_error : outcome.exit_code;

  // 4. Accept the good updates; keep (and with --enforce restore) the last good value of the rest.
  Outcome out = settle_refs(m, outcome.judged, enforce, io);

  // 5. The state now accepted as good, hash-chained after the decisions.
  if (auto appended =
          ledger::append(m.ledger, {mirror::state_record(m.git_dir, out.state, updates.size(),
                                                         out.violations, enforcing, out.restored)});
      !appended)
    return fail(io.err, appended.error());
  io.out << fmt::format("custody check: {} ref update{} checked, {} violation{}{}\n",
                        updates.size(), updates.size() == 1 ? "" : "s", out.violations,
                        out.violations == 1 ? "" : "s",
                        enforcing ? fmt::format(", {} restored", out.restored.size()) : "");
  if (out.enforce_failures)
    return hook::k_exit_internal_error;
  return out.violations ? hook::k_exit_rejected : hook::k_exit_ok;
}

} // namespace custody::cli
