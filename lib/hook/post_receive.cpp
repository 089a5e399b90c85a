#include "hook/post_receive.hpp"

#include "config/loader.hpp"
#include "git/repo.hpp"
#include "hook/exit_code.hpp"
#include "hook/record.hpp"
#include "ledger/head.hpp"
#include "ledger/ledger.hpp"
#include "ledger/location.hpp"
#include "refs/ref_update.hpp"

#include <fmt/format.h>

#include <istream>
#include <iterator>
#include <set>

namespace custody::hook {

namespace {

std::string text_of(const util::Json& record, const char* key) {
  auto it = record.find(key);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// post-receive's output reaches the pusher as "remote: custody: ..."; its exit status is ignored.
int warn(Io& io, const std::string& message) {
  io.err << fmt::format("custody: warning: {}\n", message);
  return k_exit_ok;
}

} // namespace

std::vector<DecisionLink> link_decisions(const std::vector<std::string>& records,
                                         const std::vector<std::array<std::string, 3>>& updates) {
  std::vector<DecisionLink> links(updates.size());
  std::set<uint64_t> linked; // decisions an outcome already names
  size_t open = updates.size();
  for (auto it = records.rbegin(); it != records.rend() && open > 0; ++it) {
    auto record = util::Json::parse(*it, nullptr, false);
    if (record.is_discarded() || !record.is_object() || !record.contains("seq") ||
        !record["seq"].is_number_unsigned())
      continue;
    const auto seq = record["seq"].get<uint64_t>();
    const std::string type = text_of(record, "type");
    if (type == "outcome") {
      if (auto d = record.find("decision"); d != record.end() && d->is_object() &&
                                            d->contains("seq") && (*d)["seq"].is_number_unsigned())
        linked.insert((*d)["seq"].get<uint64_t>());
      continue;
    }
    const std::string hook = text_of(record, "hook");
    if (type != "decision" || text_of(record, "decision") != "accepted" ||
        (hook != "pre-receive" && hook != "update") || linked.count(seq))
      continue;
    for (size_t i = 0; i < updates.size(); ++i) {
      const auto& [old_oid, new_oid, ref] = updates[i];
      if (links[i].seq != 0 || text_of(record, "old") != old_oid ||
          text_of(record, "new") != new_oid ||
          (text_of(record, "ref") != ref && text_of(record, "pushed_as") != ref))
        continue;
      links[i] = {seq, text_of(record, "hash"), text_of(record, "push_id")};
      linked.insert(seq);
      --open;
      break;
    }
  }
  return links;
}

int post_receive_main(Io& io) {
  std::string input((std::istreambuf_iterator<char>(io.in)), std::istreambuf_iterator<char>());
  auto parsed = refs::parse_ref_update_lines(input);
  if (!parsed)
    return warn(
        io, fmt::format("the outcome of this push is not recorded: {}", parsed.error().message));
  if (parsed->empty())
    return k_exit_ok;
  auto repo = git::Repo::open_for_hook(io.env, io.cwd);
  if (!repo)
    return warn(io,
                fmt::format("the outcome of this push is not recorded: {}", repo.error().message));
  auto loaded = config::load_config(config::load_options_from_env(io.env, repo->git_dir()));
  if (!loaded.diagnostics.empty())
    return warn(io, fmt::format("the outcome of this push is not recorded: configuration error: {}",
                                loaded.diagnostics.front().to_string()));
  const auto ledger = ledger::locate(loaded.config.get<ledger::LedgerConfig>(), repo->git_dir());
  const RunFacts run = make_run_facts(io.env, "post-receive", repo->git_dir().string());

  std::vector<std::array<std::string, 3>> updates;
  for (const auto& u : *parsed)
    updates.push_back({u.old_oid, u.new_oid, u.ref});
  std::vector<std::string> recent;
  if (auto last = ledger::last_records(ledger.path, k_outcome_lookback))
    recent = std::move(*last);
  const auto links = link_decisions(recent, updates);

  std::vector<util::Json> records;
  for (size_t i = 0; i < parsed->size(); ++i) {
    const auto& u = (*parsed)[i];
    util::Json r;
    r["type"] = "outcome";
    r["time"] = run.time;
    r["repo"] = run.repo;
    r["hook"] = run.hook;
    r["push_id"] = links[i].seq ? links[i].push_id : run.push_id;
    r["host"] = run.host;
    r["ref"] = u.ref;
    r["old"] = u.old_oid;
    r["new"] = u.new_oid;
    r["applied"] = true;
    r["decision"] =
        links[i].seq ? util::Json{{"seq", links[i].seq}, {"hash", links[i].hash}} : util::Json();
    records.push_back(std::move(r));
  }
  auto appended = ledger::append(ledger, records);
  if (!appended)
    return warn(io, fmt::format("the outcome of this push could not be recorded in the ledger ({})",
                                appended.error().message));
  return k_exit_ok;
}

} // namespace custody::hook
