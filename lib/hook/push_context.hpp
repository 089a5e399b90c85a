#pragma once
// The state one push hook run shares between its checks. The pipeline (hook/push_pipeline.cpp)
// builds it, runs each check over all ref decisions, then renders and records the result.
//
// Adding a check: write `void <module>::check_push(PushContext&, std::vector<RefDecision>&)`,
// append violations to the affected RefDecision and evidence to its `evidence` object (it is
// written to that ref's ledger record), and call it from run_checks() in push_pipeline.cpp.
#include "config/config.hpp"
#include "git/repo.hpp"
#include "identity/pusher.hpp"
#include "policy/violation.hpp"
#include "refs/ref_update.hpp"
#include "refs/update_kind.hpp"
#include "util/env.hpp"
#include "util/json.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace custody::hook {

enum class HookKind { pre_receive, update, mirror_check };

struct PushContext {
  const config::Config& config;
  git::Repo& repo;
  identity::Pusher pusher;
  HookKind hook;
  std::vector<std::string> push_options; // GIT_PUSH_OPTION_0.. in order
  const util::Environment& env;
  int64_t now = 0;     // seconds since the epoch, fixed for the whole run
  std::ostream& notes; // warnings for the pusher (git shows them as `remote:` lines)
};

struct RefDecision {
  refs::RefUpdate update;
  refs::UpdateKind kind = refs::UpdateKind::unchanged;
  bool is_protected = false;
  std::vector<policy::Violation> violations;
  util::Json evidence = util::Json::object(); // extra fields for this ref's ledger record
};

} // namespace custody::hook
