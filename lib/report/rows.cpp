#include "report/rows.hpp"

#include <set>
#include <stdexcept>

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
std::string rules_text(const DecisionView& d, const std::string& commit) {
  std::vector<std::string> rules;
  std::set<std::string> seen;
  for (const auto& v : d.violations) {
    if (!commit.empty() && v.commit != commit)
      continue;
    for (const auto& r : v.rules) {
      std::string rule = v.control.empty() ? r : r + " (" + v.control + ")";
      if (seen.insert(rule).second)
        rules.push_back(rule);
    }
  }
  return join(rules);
}

std::string findings_text(const DecisionView& d, const std::string& commit) {
  std::vector<std::string> out;
  for (const auto& f : d.findings) {
    if (!commit.empty() && f.commit != commit)
      continue;
    std::string where = f.line.empty() ? f.path : f.path + ":" + f.line;
    out.push_back(f.rule + " " + where + " " + f.redacted + " [" + f.fingerprint + "]");
  }
  return join(out);
}

std::string bypasses_text(const DecisionView& d) {
  std::vector<std::string> out;
  for (const auto& b : d.bypasses)
    out.push_back(b.fingerprint + ": " + b.reason + " (by " + b.by + ")");
  return join(out);
}

const char* yes_no(bool b) {
  return b ? "yes" : "no";
}

} // namespace

const std::array<Column, k_column_count>& columns() {
  static const std::array<Column, k_column_count> cols = {{
      {"row", CellType::text},           {"seq", CellType::number},
      {"time", CellType::text},          {"repo", CellType::text},
      {"hook", CellType::text},          {"push_id", CellType::text},
      {"ref", CellType::text},           {"kind", CellType::text},
      {"protected", CellType::boolean},  {"pusher", CellType::text},
      {"pusher_source", CellType::text}, {"pusher_is_agent", CellType::boolean},
      {"commit", CellType::text},        {"author", CellType::text},
      {"ai_tool", CellType::text},       {"reviewers", CellType::text},
      {"review_date", CellType::text},   {"verdict", CellType::text},
      {"decision", CellType::text},      {"rules", CellType::text},
      {"bypasses", CellType::text},      {"findings", CellType::text},
      {"file", CellType::text},          {"line", CellType::number},
      {"hash", CellType::text},
  }};
  return cols;
}

size_t column_index(std::string_view name) {
  const auto& cols = columns();
  for (size_t i = 0; i < cols.size(); ++i)
    if (name == cols[i].name)
      return i;
  throw std::logic_error("report: unknown column");
}

std::vector<Row> rows_for(const DecisionView& d, const ledger::RecordRef& where) {
  static const size_t c_row = column_index("row"), c_commit = column_index("commit"),
                      c_author = column_index("author"), c_ai = column_index("ai_tool"),
                      c_reviewers = column_index("reviewers"),
                      c_review_date = column_index("review_date"),
                      c_verdict = column_index("verdict"), c_rules = column_index("rules"),
                      c_bypasses = column_index("bypasses"), c_findings = column_index("findings");
  Row base;
  base.cells = {"decision",
                std::to_string(where.seq),
                d.time,
                d.repo,
                d.hook,
                d.push_id,
                d.ref,
                d.kind.empty() ? d.type : d.kind,
                yes_no(d.is_protected),
                d.pusher,
                d.pusher_source,
                yes_no(d.pusher_is_agent),
                "",
                "",
                "",
                "",
                "",
                "",
                d.decision,
                rules_text(d, ""),
                bypasses_text(d),
                findings_text(d, ""),
                std::string(where.file),
                std::to_string(where.line),
                std::string(where.hash)};
  std::vector<Row> rows;
  rows.reserve(1 + d.commits.size());
  rows.push_back(base);
  for (const auto& c : d.commits) {
    Row row = base;
    row.cells[c_row] = "commit";
    row.cells[c_commit] = c.id;
    row.cells[c_author] = c.author;
    row.cells[c_ai] = c.ai_tool;
    row.cells[c_reviewers] = c.reviewers;
    row.cells[c_review_date] = c.review_date;
    row.cells[c_verdict] = c.verdict;
    row.cells[c_rules] = rules_text(d, c.id);
    row.cells[c_findings] = findings_text(d, c.id);
    row.cells[c_bypasses] = "";
    rows.push_back(std::move(row));
  }
  return rows;
}

} // namespace custody::report
