// JSON, CSV and Markdown reports: the machine-readable and the paste-into-a-ticket forms.
#include "report/rows.hpp"
#include "report/writer.hpp"

#include <fmt/format.h>

namespace custody::report {

namespace {

std::vector<std::string> column_names() {
  std::vector<std::string> names;
  for (const auto& c : columns())
    names.emplace_back(c.name);
  return names;
}

// A JSON string literal; control characters escaped, other bytes (UTF-8 already) as they are.
void append_json_string(std::string& out, const std::string& s) {
  out += '"';
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != '"' && c != '\\') {
      out += ch;
      continue;
    }
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      out += fmt::format("\\u{:04x}", c);
    }
  }
  out += '"';
}

class JsonWriter : public Writer {
public:
  explicit JsonWriter(std::ostream& out) : m_out(out) {}
  void begin(const ReportMeta& meta) override {
    util::Json head = {{"ledger", meta.ledger},
                       {"generated", meta.generated},
                       {"filters", meta.filters},
                       {"period", meta.period == Period::month ? "month" : "day"},
                       {"columns", column_names()}};
    m_out << "{\"report\":" << util::dump_compact(head) << ",\n\"rows\":[";
  }
  void row(const Row& row) override {
    m_line.assign(m_first ? "\n{" : ",\n{");
    m_first = false;
    const auto& cols = columns();
    for (size_t i = 0; i < cols.size(); ++i) {
      m_line += i ? ",\"" : "\"";
      m_line += cols[i].name;
      m_line += "\":";
      const std::string& cell = row.cells[i];
      if (cols[i].type == CellType::boolean)
        m_line += cell == "yes" ? "true" : "false";
      else if (cols[i].type == CellType::number && !cell.empty())
        m_line += cell;
      else
        append_json_string(m_line, cell);
    }
    m_line += '}';
    m_out.write(m_line.data(), static_cast<std::streamsize>(m_line.size()));
  }
  void end(const Summary& summary) override {
    m_out << "],\n\"summary\":" << util::dump_compact(summary.to_json()) << "}\n";
  }

private:
  std::ostream& m_out;
  bool m_first = true;
  std::string m_line;
};

// RFC 4180 quoting; a leading =, +, - or @ gets a ' so a spreadsheet shows it instead of
// evaluating it (ledger text comes from pushers: commit authors, ref names).
std::string csv_cell(const std::string& text) {
  std::string value;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@'))
    value.push_back('\'');
  value.append(text);
  if (value.find_first_of(",\"\r\n") == std::string::npos)
    return value;
  std::string quoted = "\"";
  for (char c : value)
    quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

class CsvWriter : public Writer {
  std::string m_line;

public:
  explicit CsvWriter(std::ostream& out) : m_out(out) {}
  void begin(const ReportMeta&) override {
    const auto& cols = columns();
    for (size_t i = 0; i < cols.size(); ++i)
      m_out << (i ? "," : "") << cols[i].name;
    m_out << "\r\n";
  }
  void row(const Row& row) override {
    m_line.clear();
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (i)
        m_line += ',';
      m_line += csv_cell(row.cells[i]);
    }
    m_line += "\r\n";
    m_out.write(m_line.data(), static_cast<std::streamsize>(m_line.size()));
  }
  void end(const Summary&) override {}

private:
  std::ostream& m_out;
};

std::string md_cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

const std::vector<std::string>& md_columns() {
  static const std::vector<std::string> cols = {
      "seq",    "row",    "time",    "ref",       "kind",     "pusher", "pusher_is_agent",
      "commit", "author", "ai_tool", "reviewers", "decision", "rules",  "bypasses"};
  return cols;
}

class MdWriter : public Writer {
public:
  explicit MdWriter(std::ostream& out) : m_out(out) {}
  void begin(const ReportMeta& meta) override {
    m_out << "# custody evidence report\n\n"
          << fmt::format("Ledger `{}`, generated {}, filters `{}`.\n\n", meta.ledger,
                         meta.generated, util::dump_compact(meta.filters));
    m_out << "## Decisions and commits\n\n|";
    for (const auto& c : md_columns())
      m_out << " " << c << " |";
    m_out << "\n|";
    for (size_t i = 0; i < md_columns().size(); ++i)
      m_out << " --- |";
    m_out << "\n";
  }
  void row(const Row& row) override {
    m_out << "|";
    for (const auto& c : md_columns())
      m_out << " " << md_cell(row.at(c)) << " |";
    m_out << "\n";
  }
  void end(const Summary& summary) override {
    m_out << "\n## Summary\n\n| period | pushes | decisions | accepted | rejected | AI commits to "
             "protected refs | "
             "with reviewer | bypasses |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n";
    auto line = [&](const std::string& name, const Counts& c) {
      m_out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", name, c.pushes,
                           c.decisions, c.accepted, c.rejected, c.ai_commits_protected,
                           c.ai_commits_protected_reviewed, c.bypasses);
    };
    for (const auto& [name, counts] : summary.periods())
      line(name, counts);
    line("**total**", summary.totals());
    const Counts& t = summary.totals();
    m_out << fmt::format("\nAI-assisted commits on protected refs: {}, reviewed: {}{}\n",
                         t.ai_commits_protected, t.ai_commits_protected_reviewed,
                         t.assurance_text().empty() ? "" : " (" + t.assurance_text() + ")");
    if (t.outcomes > 0)
      m_out << fmt::format("\nRef updates applied by the host (outcomes): {}; accepted by custody, "
                           "not applied by the host: {}\n",
                           t.outcomes, t.not_applied);
    m_out << "\n### Rejections by rule\n\n";
    if (summary.totals().rejections_by_rule.empty())
      m_out << "None.\n";
    for (const auto& [rule, count] : summary.totals().rejections_by_rule)
      m_out << fmt::format("- `{}`: {}\n", md_cell(rule), count);
    m_out << "\n### Would have been refused (evaluate mode)\n\n";
    bool any = false;
    for (const auto& [name, counts] : summary.periods())
      for (const auto& [rule, count] : counts.would_reject_by_rule) {
        m_out << fmt::format("- {} `{}`: {}\n", name, md_cell(rule), count);
        any = true;
      }
    if (!any)
      m_out << "None.\n";
  }

private:
  std::ostream& m_out;
};

} // namespace

std::unique_ptr<Writer> make_json_writer(std::ostream& out) {
  return std::make_unique<JsonWriter>(out);
}
std::unique_ptr<Writer> make_csv_writer(std::ostream& out) {
  return std::make_unique<CsvWriter>(out);
}
std::unique_ptr<Writer> make_md_writer(std::ostream& out) {
  return std::make_unique<MdWriter>(out);
}

std::optional<Format> parse_format(std::string_view name) {
  if (name == "json")
    return Format::json;
  if (name == "csv")
    return Format::csv;
  if (name == "html")
    return Format::html;
  if (name == "md" || name == "markdown")
    return Format::md;
  return std::nullopt;
}

std::unique_ptr<Writer> make_writer(Format format, std::ostream& out) {
  switch (format) {
  case Format::json:
    return make_json_writer(out);
  case Format::csv:
    return make_csv_writer(out);
  case Format::md:
    return make_md_writer(out);
  case Format::html:
    return make_html_writer(out);
  }
  return make_json_writer(out);
}

} // namespace custody::report
