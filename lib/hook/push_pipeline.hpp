#pragma once
// The server-side pipeline shared by pre-receive (all refs of a push) and update (one ref).
#include "hook/io.hpp"
#include "hook/push_context.hpp"
#include "ledger/ledger.hpp"
#include "refs/ref_update.hpp"

#include <vector>

namespace custody::hook {

struct PushOutcome {
  int exit_code = 0;
  // Every ref's decision, violations included; empty when no policy could be evaluated (bad
  // input or configuration, unreadable repository).
  std::vector<RefDecision> decisions;
};

// Runs every check over `updates` (or reports why it could not), records each decision in the
// ledger, prints the outcome to io.err, and returns the hook's exit code. `parsed` carries the
// input parse error, if any, so it is logged like every other refusal.
int run_push_hook(HookKind hook, const Result<std::vector<refs::RefUpdate>>& parsed, Io& io);
// The same, also handing back the decisions (the mirror check restores refs from them).
PushOutcome run_push_pipeline(HookKind hook, const Result<std::vector<refs::RefUpdate>>& parsed,
                              Io& io);

// The checks, in order. Each appends violations and evidence to the decisions.
void run_checks(PushContext& ctx, std::vector<RefDecision>& decisions);

// GIT_PUSH_OPTION_0 .. GIT_PUSH_OPTION_<COUNT-1>, in order.
std::vector<std::string> push_options_from_env(const util::Environment& env);

std::string_view hook_name(HookKind hook);

// Where `config` puts the ledger of the repository at `git_dir` (relative paths are under it).
ledger::LedgerOptions ledger_options(const config::Config& config,
                                     const std::filesystem::path& git_dir);

} // namespace custody::hook
