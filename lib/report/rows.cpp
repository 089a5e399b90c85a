#include "report/rows.hpp"

#include "report/fields.hpp"

#include <set>

namespace custody::report {

namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts)
    if (!p.empty())
      out += out.empty() ? p : "; " + p;
  return out;
}

// Violated rules (unique, in order), for one commit or (`commit` empty) the whole decision.
std::string rules_text(const util::Json& record, const std::string& commit) {
  std::vector<std::string> rules;
  std::set<std::string> seen;
  for (const auto& v : list(record, "violations")) {
    if (!v.is_object() || (!commit.empty() && text(v, "commit") != commit))
      continue;
    std::string rule = text(v, "rule");
    if (!text(v, "control").empty())
      rule += " (" + text(v, "control") + ")";
    if (seen.insert(rule).second)
      rules.push_back(rule);
  }
  return join(rules);
}

std::string findings_text(const util::Json& record, const std::string& commit) {
  std::vector<std::string> out;
  for (const auto& f : list(record, "findings")) {
    if (!f.is_object() || (!commit.empty() && text(f, "commit") != commit))
      continue;
    std::string where = text(f, "path");
    if (!text(f, "line").empty())
      where += ":" + text(f, "line");
    out.push_back(text(f, "rule") + " " + where + " " + text(f, "redacted") + " [" +
                  text(f, "fingerprint") + "]");
  }
  return join(out);
}

std::string bypasses_text(const util::Json& record) {
  std::vector<std::string> out;
  for (const auto& b : list(record, "bypasses"))
    if (b.is_object())
      out.push_back(text(b, "fingerprint") + ": " + text(b, "reason") + " (by " + text(b, "by") +
                    ")");
  return join(out);
}

} // namespace

const std::vector<std::string>& columns() {
  static const std::vector<std::string> cols = {
      "row",      "seq",    "time",      "repo",      "hook",          "push_id",
      "ref",      "kind",   "protected", "pusher",    "pusher_source", "pusher_is_agent",
      "commit",   "author", "ai_tool",   "reviewers", "review_date",   "verdict",
      "decision", "rules",  "bypasses",  "findings",  "file",          "line",
      "hash"};
  return cols;
}

std::string cell_text(const util::Json& value) {
  if (value.is_null())
    return "";
  if (value.is_boolean())
    return value.get<bool>() ? "yes" : "no";
  if (value.is_string())
    return value.get<std::string>();
  return value.dump();
}

std::vector<util::Json> rows_for(const util::Json& record, const ledger::RecordRef& where) {
  const util::Json& pusher = record.contains("pusher") && record["pusher"].is_object()
                                 ? record["pusher"]
                                 : util::Json::object();
  util::Json base = util::Json::object();
  for (const auto& c : columns())
    base[c] = nullptr;
  base["row"] = "decision";
  base["seq"] = where.seq;
  base["time"] = text(record, "time");
  base["repo"] = text(record, "repo");
  base["hook"] = text(record, "hook");
  base["push_id"] = text(record, "push_id");
  base["ref"] = text(record, "ref");
  base["kind"] = text(record, "kind").empty() ? text(record, "type") : text(record, "kind");
  base["protected"] = flag(record, "protected");
  base["pusher"] = text(pusher, "name");
  base["pusher_source"] = text(pusher, "source");
  base["pusher_is_agent"] = flag(pusher, "is_agent");
  base["decision"] = text(record, "decision");
  base["file"] = std::string(where.file);
  base["line"] = where.line;
  base["hash"] = std::string(where.hash);

  std::vector<util::Json> rows;
  util::Json decision = base;
  decision["rules"] = rules_text(record, "");
  decision["bypasses"] = bypasses_text(record);
  decision["findings"] = findings_text(record, "");
  rows.push_back(std::move(decision));
  for (const auto& c : list(record, "commits")) {
    if (!c.is_object())
      continue;
    util::Json row = base;
    row["row"] = "commit";
    row["commit"] = text(c, "id");
    row["author"] = text(c, "author");
    row["ai_tool"] = c.contains("ai_tool") ? tool_text(c["ai_tool"]) : "";
    row["reviewers"] = c.contains("reviewers") ? people_text(c["reviewers"]) : "";
    row["review_date"] = text(c, "review_date");
    row["verdict"] = text(c, "verdict");
    row["rules"] = rules_text(record, text(c, "id"));
    row["findings"] = findings_text(record, text(c, "id"));
    row["bypasses"] = "";
    rows.push_back(std::move(row));
  }
  return rows;
}

} // namespace custody::report
