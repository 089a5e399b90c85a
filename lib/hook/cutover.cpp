#include "hook/cutover.hpp"

#include "policy/ruleset.hpp"
#include "schema/ruleset_rules.hpp"
#include "schema/schema_config.hpp"
#include "util/file.hpp"
#include "util/json.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

#include <set>

namespace custody::hook {

namespace fs = std::filesystem;

namespace {

// The refs the trailer schema protects, and where they point now.
Result<util::Json> protected_tips(const config::Config& config, const git::Repo& repo) {
  std::vector<util::Glob> patterns;
  for (const auto& r : config.get<policy::Rulesets>().all())
    if (r.enforcement != policy::Enforcement::disabled &&
        r.rules.get<schema::SchemaRules>().trailer_schema)
      patterns.insert(patterns.end(), r.refs.begin(), r.refs.end());
  auto listed = repo.matching_refs(patterns);
  if (!listed)
    return listed.error();
  util::Json refs = util::Json::object();
  for (const auto& tip : *listed)
    refs[tip.name] = tip.target;
  return refs;
}

// The recorded state for `date`, or nullopt when none was recorded for it.
Result<std::optional<util::Json>> read_state(const fs::path& path, const std::string& date) {
  auto text = util::read_file(path);
  if (!text)
    return text.error().code == ErrorCode::not_found
               ? Result<std::optional<util::Json>>(std::nullopt)
               : Result<std::optional<util::Json>>(text.error());
  util::Json state = util::Json::parse(*text, nullptr, false);
  if (state.is_discarded() || !state.is_object() || !state.contains("refs") ||
      !state["refs"].is_object() || !state.contains("exempt_before"))
    return make_error(ErrorCode::invalid_input,
                      fmt::format("the cut-over state {} is damaged", path.string()),
                      fmt::format("remove it: the next push records the protected refs again "
                                  "(a \"cutover\" record in the ledger)"));
  if (state["exempt_before"] != date)
    return std::optional<util::Json>();
  return std::optional<util::Json>(std::move(state));
}

Result<util::Json> record_state(const config::Config& config, const git::Repo& repo,
                                const ledger::LedgerOptions& ledger, const fs::path& path,
                                const std::string& date) {
  auto refs = protected_tips(config, repo);
  if (!refs)
    return refs.error();
  util::Json body = {{"type", "cutover"},
                     {"time", util::now_utc()},
                     {"repo", repo.git_dir().string()},
                     {"exempt_before", date},
                     {"refs", *refs},
                     {"message", "trailers.exempt_before is a date: only commits reachable from "
                                 "these protected refs, committed before it, are exempt"}};
  auto appended = ledger::append(ledger, {body});
  if (!appended)
    return appended.error();
  util::Json state = {
      {"exempt_before", date},
      {"refs", *refs},
      {"ledger", {{"seq", appended->front().seq}, {"hash", appended->front().hash}}}};
  CUSTODY_TRY(util::write_file_atomic(path, util::dump_compact(state) + "\n", 0640));
  return state;
}

} // namespace

fs::path cutover_path(const fs::path& git_dir) {
  return git_dir / "custody-cutover.json";
}

Status resolve_cutover(config::Config& config, const git::Repo& repo,
                       const ledger::LedgerOptions& ledger, bool may_record) {
  auto& schema = config.edit<schema::SchemaConfig>();
  schema.exempt_before_tips.reset();
  if (!schema.exempt_before_time)
    return ok_status();
  const std::string date = util::format_utc_seconds(*schema.exempt_before_time);
  const fs::path path = cutover_path(repo.git_dir());
  auto state = read_state(path, date);
  if (!state)
    return state.error();
  if (!*state && may_record) {
    auto recorded = record_state(config, repo, ledger, path, date);
    if (!recorded)
      return recorded.error();
    *state = std::move(*recorded);
  }
  std::vector<std::string> tips;
  if (*state) {
    std::set<std::string> seen;
    for (const auto& [name, target] : (**state)["refs"].items())
      if (target.is_string()) {
        auto commit = repo.peel_to_commit(target.get<std::string>());
        if (commit && seen.insert(*commit).second)
          tips.push_back(*commit);
      }
  }
  schema.exempt_before_tips = std::move(tips);
  return ok_status();
}

} // namespace custody::hook
