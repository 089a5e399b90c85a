#pragma once
// The check contract: what every check family sees of one push (or one dry run), and where it
// puts what it finds. The pipeline (hook/push_pipeline.cpp) builds a PushContext and one
// RefDecision per ref update, runs every family's check over all of them
// (families/checks.cpp), and turns the violations into one verdict (policy/verdict.hpp).
//
// A family's check: `void check_push(policy::PushContext&, std::vector<policy::RefDecision>&)`.
// It reads its rules from the rulesets targeting each ref (`d.rulesets`), appends violations
// (tagged with the ruleset that raised them) and evidence for the ledger to the affected
// RefDecision, and asks `ctx.scope` for the commits and objects the push introduces: computed
// once, shared by every family.
#include "config/config.hpp"
#include "git/repo.hpp"
#include "identity/pusher.hpp"
#include "policy/push_scope.hpp"
#include "policy/ruleset.hpp"
#include "policy/violation.hpp"
#include "refs/ref_update.hpp"
#include "refs/update_kind.hpp"
#include "util/env.hpp"
#include "util/json.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace custody::policy {

enum class HookKind {
  pre_receive,  // objects in quarantine; decides for the whole push
  update,       // one ref; objects already stored
  mirror_check, // after a fetch: refs already moved, objects stored
  dry_run,      // `custody check RANGE`: existing commits, nothing moves
};

struct PushContext {
  const config::Config& config;
  git::Repo& repo;
  identity::Pusher pusher;
  HookKind hook;
  std::vector<std::string> push_options; // GIT_PUSH_OPTION_0.. in order
  const util::Environment& env;
  int64_t now = 0;     // seconds since the epoch, fixed for the whole run
  std::ostream& notes; // warnings for the pusher (git shows them as `remote:` lines)
  PushScope& scope;    // what the push introduces, computed on first use
  // The registered person who signed this push's certificate (git push --signed), set by the
  // signed_push family before the trailer family reads it; "" when unsigned or not registered.
  std::string push_signer = {};

  const Rulesets& rulesets() const { return config.get<Rulesets>(); }
};

struct RefDecision {
  refs::RefUpdate update;
  refs::UpdateKind kind = refs::UpdateKind::unchanged;
  bool is_protected = false;    // targeted by at least one ruleset that is not disabled
  std::vector<size_t> rulesets; // those rulesets (indices into Rulesets::all())
  std::vector<Violation> violations;
  util::Json evidence = util::Json::object(); // extra fields for this ref's ledger record
};

} // namespace custody::policy
