#include "hook/record.hpp"

#include "identity/host_env.hpp"
#include "ledger/ledger_config.hpp"
#include "ledger/location.hpp"
#include "ledger/origin.hpp"
#include "util/sha256.hpp"
#include "util/time.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace custody::hook {

namespace {

std::string random_id() {
  uint8_t bytes[8] = {};
  int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    [[maybe_unused]] ssize_t n = ::read(fd, bytes, sizeof bytes);
    ::close(fd);
  }
  return util::to_hex(bytes, sizeof bytes);
}

// Which hosting layer ran us (HOOK-CONTRACTS.md §9), and the facts an auditor wants from it.
util::Json host_json(const util::Environment& env) {
  const identity::HostFacts host = identity::detect_host(env);
  util::Json j = util::Json::object();
  j["kind"] = host.kind;
  for (const auto& [key, value] : host.facts)
    j[key] = value;
  return j;
}

util::Json pusher_json(const identity::Pusher& p) {
  util::Json j{{"name", p.name}, {"source", p.source}, {"is_agent", p.is_agent}};
  if (!p.person.empty())
    j["person"] = p.person;
  return j;
}

} // namespace

ledger::LedgerOptions ledger_options(const config::Config& config,
                                     const std::filesystem::path& git_dir,
                                     const util::Environment& env) {
  const auto& section = config.get<ledger::LedgerConfig>();
  ledger::LedgerOptions options = ledger::locate(section, git_dir);
  options.node = ledger::node_id(section, env);
  options.repo_id = ledger::repository_id(section, git_dir);
  options.host_repo_id = identity::host_repository_id(env);
  return options;
}

RunFacts make_run_facts(const util::Environment& env, const std::string& hook,
                        const std::string& repo) {
  return RunFacts{hook, repo, random_id(), util::now_utc(), host_json(env)};
}

util::Json decision_record(const RunFacts& run, const identity::Pusher& pusher,
                           const RefDecision& d, bool accepted, const std::string& note) {
  util::Json r;
  r["type"] = "decision";
  r["time"] = run.time;
  r["repo"] = run.repo;
  r["hook"] = run.hook;
  r["push_id"] = run.push_id;
  r["host"] = run.host;
  r["pusher"] = pusher_json(pusher);
  r["ref"] = d.update.ref;
  r["old"] = d.update.old_oid;
  r["new"] = d.update.new_oid;
  r["kind"] = std::string(refs::to_string(d.kind));
  r["protected"] = d.is_protected;
  r["decision"] = accepted ? "accepted" : "rejected";
  util::Json violations = util::Json::array();
  util::Json would_reject = util::Json::array();
  util::Json bypassed = util::Json::array();
  for (const auto& v : d.violations) {
    util::Json j{{"rule", v.rule}, {"control", v.control}, {"message", v.message}};
    if (!v.commit.empty())
      j["commit"] = v.commit;
    if (!v.path.empty())
      j["path"] = v.path;
    if (v.line > 0)
      j["line"] = v.line;
    j["ruleset"] = v.ruleset;
    if (policy::refuses(v))
      violations.push_back(std::move(j));
    else if (v.bypassed)
      bypassed.push_back(std::move(j));
    else {
      would_reject.push_back({{"rule", v.rule},
                              {"ruleset", v.ruleset},
                              {"ref", v.ref},
                              {"commit", v.commit},
                              {"message", v.message}});
      if (!v.path.empty())
        would_reject.back()["path"] = v.path;
    }
  }
  r["violations"] = std::move(violations);
  if (!would_reject.empty())
    r["would_reject"] = std::move(would_reject);
  if (!bypassed.empty())
    r["bypassed_violations"] = std::move(bypassed);
  if (!note.empty())
    r["note"] = note;
  for (const auto& [key, value] : d.evidence.items())
    r[key] = value;
  return r;
}

util::Json failure_record(const RunFacts& run, const identity::Pusher* pusher,
                          const refs::RefUpdate* update, const std::string& type,
                          const Error& error) {
  util::Json r;
  r["type"] = type;
  r["time"] = run.time;
  r["repo"] = run.repo;
  r["hook"] = run.hook;
  r["push_id"] = run.push_id;
  r["host"] = run.host;
  if (pusher)
    r["pusher"] = pusher_json(*pusher);
  if (update) {
    r["ref"] = update->ref;
    r["old"] = update->old_oid;
    r["new"] = update->new_oid;
  }
  r["decision"] = "rejected";
  r["error"] = error.message;
  return r;
}

} // namespace custody::hook
