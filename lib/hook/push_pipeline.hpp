#pragma once
// The server-side pipeline shared by pre-receive (all refs of a push) and update (one ref).
#include "hook/io.hpp"
#include "hook/push_context.hpp"
#include "refs/ref_update.hpp"

#include <vector>

namespace custody::hook {

// Runs every check over `updates` (or reports why it could not), records each decision in the
// ledger, prints the outcome to io.err, and returns the hook's exit code. `parsed` carries the
// input parse error, if any, so it is logged like every other refusal.
int run_push_hook(HookKind hook, const Result<std::vector<refs::RefUpdate>>& parsed, Io& io);

// The checks, in order. Each appends violations and evidence to the decisions.
void run_checks(PushContext& ctx, std::vector<RefDecision>& decisions);

// GIT_PUSH_OPTION_0 .. GIT_PUSH_OPTION_<COUNT-1>, in order.
std::vector<std::string> push_options_from_env(const util::Environment& env);

std::string_view hook_name(HookKind hook);

} // namespace custody::hook
