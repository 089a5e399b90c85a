#pragma once
// Ledger record bodies for push decisions (docs/ledger.md lists every field).
#include "config/config.hpp"
#include "hook/policy_names.hpp"
#include "ledger/ledger.hpp"
#include "util/json.hpp"

#include <filesystem>
#include <string>

namespace custody::hook {

struct RunFacts {
  std::string hook;    // "pre-receive", "update", ...
  std::string repo;    // absolute git dir
  std::string push_id; // random id shared by the records of one hook run
  std::string time;    // UTC, RFC 3339
  util::Json host;     // hosting layer facts: kind, protocol, repository ids
};

RunFacts make_run_facts(const util::Environment& env, const std::string& hook,
                        const std::string& repo);

// The repository's ledger as `config` places it, naming this node and the repository's stable
// ids so that every record says where it comes from (docs/ledger.md#origin).
ledger::LedgerOptions ledger_options(const config::Config& config,
                                     const std::filesystem::path& git_dir,
                                     const util::Environment& env);

// One body per ref decision; `accepted` is the push's final verdict for that ref.
util::Json decision_record(const RunFacts& run, const identity::Pusher& pusher,
                           const RefDecision& d, bool accepted, const std::string& note = "");

// A record for a run that could not evaluate policy at all (bad config, bad input, unreadable
// repo).
util::Json failure_record(const RunFacts& run, const identity::Pusher* pusher,
                          const refs::RefUpdate* update, const std::string& type,
                          const Error& error);

} // namespace custody::hook
