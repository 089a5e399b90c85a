#include "mirror/state.hpp"

#include "ledger/segments.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

#include <fstream>
#include <set>

namespace custody::mirror {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_type = "mirror-state";

// The refs of the last mirror-state record for `repo` in one segment file.
Result<std::optional<RefMap>> last_in_file(const fs::path& path, const std::string& repo) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!fs::exists(path, ec))
      return std::optional<RefMap>{};
    return make_error(ErrorCode::io_failure, fmt::format("cannot read {}", path.string()));
  }
  std::optional<RefMap> found;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find(k_type) == std::string::npos)
      continue;
    auto record = util::Json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object() || record.value("type", "") != k_type ||
        record.value("repo", "") != repo || !record.contains("refs") || !record["refs"].is_object())
      continue;
    RefMap refs;
    for (const auto& [name, id] : record["refs"].items())
      if (id.is_string())
        refs[name] = id.get<std::string>();
    found = std::move(refs);
  }
  return found;
}

} // namespace

Result<std::optional<RefMap>> last_checked_state(const ledger::LedgerOptions& ledger,
                                                 const std::string& repo) {
  auto live = last_in_file(ledger.path, repo);
  if (!live || *live)
    return live;
  auto closed = ledger::list_closed_segments(ledger.path);
  if (!closed)
    return closed.error();
  for (auto it = closed->rbegin(); it != closed->rend(); ++it) {
    auto found = last_in_file(it->path, repo);
    if (!found || *found)
      return found;
  }
  return std::optional<RefMap>{};
}

std::vector<refs::RefUpdate> updates_between(const RefMap& before, const RefMap& after) {
  std::set<std::string> names;
  for (const auto& [name, id] : before)
    names.insert(name);
  for (const auto& [name, id] : after)
    names.insert(name);
  std::vector<refs::RefUpdate> updates;
  for (const auto& name : names) {
    auto b = before.find(name);
    auto a = after.find(name);
    const std::string old_id = b == before.end() ? "" : b->second;
    const std::string new_id = a == after.end() ? "" : a->second;
    if (old_id == new_id)
      continue;
    const std::string zero(std::max(old_id.size(), new_id.size()), '0');
    updates.push_back({old_id.empty() ? zero : old_id, new_id.empty() ? zero : new_id, name});
  }
  return updates;
}

util::Json state_record(const std::string& repo, const RefMap& state, size_t updates_checked,
                        size_t violations, bool enforce, const std::vector<Restored>& restored) {
  util::Json r = util::Json::object();
  r["type"] = k_type;
  r["time"] = util::now_utc();
  r["repo"] = repo;
  r["updates_checked"] = updates_checked;
  r["violations"] = violations;
  r["enforce"] = enforce;
  util::Json restored_json = util::Json::array();
  for (const auto& x : restored)
    restored_json.push_back({{"ref", x.ref}, {"from", x.from}, {"to", x.to}});
  r["restored"] = std::move(restored_json);
  util::Json refs = util::Json::object();
  for (const auto& [name, id] : state)
    refs[name] = id;
  r["refs"] = std::move(refs);
  return r;
}

} // namespace custody::mirror
