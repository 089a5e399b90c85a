#pragma once
// The server-side pipeline shared by pre-receive (all refs of a push), update (one ref), the
// mirror check and `custody check` (dry runs over existing history).
#include "hook/io.hpp"
#include "hook/policy_names.hpp"
#include "ledger/ledger.hpp"
#include "refs/ref_update.hpp"

#include <vector>

namespace custody::hook {

// Every ref's decision and the one verdict over them.
struct Judged {
  std::vector<RefDecision> decisions;
  policy::Verdict verdict;
};

struct PushOutcome {
  int exit_code = 0;
  // Empty when no policy could be evaluated (bad input or configuration, unreadable repository).
  Judged judged;
};

// Runs every check over `updates` (or reports why it could not), records each decision in the
// ledger, prints the outcome to io.err, and returns the hook's exit code. `parsed` carries the
// input parse error, if any, so it is logged like every other refusal.
int run_push_hook(HookKind hook, const Result<std::vector<refs::RefUpdate>>& parsed, Io& io);
// The same, also handing back the decisions (the mirror check restores refs from them).
PushOutcome run_push_pipeline(HookKind hook, const Result<std::vector<refs::RefUpdate>>& parsed,
                              Io& io);

// Classifies `updates` on the repository's objects, finds the rulesets targeting each ref, runs
// every check family, applies bypasses and decides: the part every entry point shares. Fails
// only when an update cannot be classified (its objects cannot be read).
Result<Judged> judge(policy::PushContext& ctx, const std::vector<refs::RefUpdate>& updates);

// GIT_PUSH_OPTION_0 .. GIT_PUSH_OPTION_<COUNT-1>, in order.
std::vector<std::string> push_options_from_env(const util::Environment& env);

std::string_view hook_name(HookKind hook);

} // namespace custody::hook
