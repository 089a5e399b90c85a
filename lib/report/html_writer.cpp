// The HTML report: one self-contained file a compliance person opens in a browser. No network:
// inline CSS, an inline SVG chart drawn here, a few lines of inline JS for the row filter, and a
// Content-Security-Policy that forbids loading anything else. Rows stream into the table; the
// summary, known only at the end, is written last and shown first (CSS order).
#include "report/rows.hpp"
#include "report/writer.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace custody::report {

namespace {

void append_esc(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
}

std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_esc(out, text);
  return out;
}

constexpr const char* k_head = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>custody evidence report</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{display:flex;flex-direction:column;gap:16px;padding:20px}
header{order:-2} #summary{order:-1}
section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:16px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:0 0 12px}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px;margin:0}
.figures div{background:#f0f3f7;border-radius:4px;padding:10px}
.figures dt{font-size:12px;color:#5a6372} .figures dd{margin:0;font-size:22px;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:12px}
th,td{border-bottom:1px solid #e4e7ec;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef1f5;position:sticky;top:0}
tr.rejected td.decision{color:#b42318;font-weight:600} tr.accepted td.decision{color:#067647}
tr.commit td{background:#fafbfc}
.hash{font-family:ui-monospace,monospace;font-size:11px;word-break:break-all}
#filter{margin:0 0 8px;padding:4px 8px;width:280px}
svg text{font-size:10px;fill:#5a6372}
</style></head>
<body><main>
)";

constexpr const char* k_script = R"(<script>
(function () {
  var input = document.getElementById('filter');
  var rows = document.querySelectorAll('#rows-table tbody tr');
  input.addEventListener('input', function () {
    var q = input.value.toLowerCase();
    for (var i = 0; i < rows.length; i++)
      rows[i].hidden = q !== '' && rows[i].textContent.toLowerCase().indexOf(q) < 0;
  });
  document.getElementById('row-count').textContent = String(rows.length);
  document.body.setAttribute('data-ready', 'yes');
})();
</script>
)";

std::string percent(uint64_t part, uint64_t whole) {
  if (whole == 0)
    return "n/a";
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

// Stacked bars of accepted and rejected decisions per period.
std::string chart_svg(const Summary& summary) {
  const auto& periods = summary.periods();
  const int width = 760, height = 220, left = 40, bottom = 40, top = 10;
  uint64_t max = 1;
  for (const auto& [name, c] : periods)
    max = std::max(max, c.decisions);
  size_t n = std::max<size_t>(periods.size(), 1);
  double slot = static_cast<double>(width - left - 10) / static_cast<double>(n);
  double bar = std::max(1.0, slot * 0.7);
  double scale = static_cast<double>(height - bottom - top) / static_cast<double>(max);
  std::string svg = fmt::format(
      R"(<svg id="chart" role="img" aria-label="decisions over time" viewBox="0 0 {} {}" width="100%" height="{}">)",
      width, height, height);
  svg += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#98a2b3"/>)", left,
                     height - bottom, width - 10, height - bottom);
  svg += fmt::format(
      R"(<text x="{}" y="{}" text-anchor="end">{}</text><text x="{}" y="{}" text-anchor="end">0</text>)",
      left - 4, top + 8, max, left - 4, height - bottom);
  size_t i = 0;
  size_t label_every = std::max<size_t>(1, n / 12);
  for (const auto& [name, c] : periods) {
    double x = left + slot * static_cast<double>(i) + (slot - bar) / 2;
    double ha = static_cast<double>(c.accepted) * scale;
    double hr = static_cast<double>(c.rejected) * scale;
    double base = height - bottom;
    svg += fmt::format(
        R"(<g class="bar" data-period="{}" data-accepted="{}" data-rejected="{}"><title>{}: {} accepted, {} rejected</title>)",
        esc(name), c.accepted, c.rejected, esc(name), c.accepted, c.rejected);
    svg += fmt::format(
        R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#12b76a"/>)", x,
        base - ha, bar, ha);
    svg += fmt::format(
        R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#f04438"/></g>)", x,
        base - ha - hr, bar, hr);
    if (i % label_every == 0)
      svg += fmt::format(R"(<text x="{:.1f}" y="{}" text-anchor="middle">{}</text>)", x + bar / 2,
                         height - bottom + 14, esc(name));
    ++i;
  }
  svg += fmt::format(
      R"(<rect x="{}" y="{}" width="10" height="10" fill="#12b76a"/><text x="{}" y="{}">accepted</text>)",
      left, height - 14, left + 14, height - 5);
  svg += fmt::format(
      R"(<rect x="{}" y="{}" width="10" height="10" fill="#f04438"/><text x="{}" y="{}">rejected</text>)",
      left + 90, height - 14, left + 104, height - 5);
  return svg + "</svg>";
}

class HtmlWriter : public Writer {
public:
  explicit HtmlWriter(std::ostream& out) : m_out(out) {}

  void begin(const ReportMeta& meta) override {
    m_out << k_head;
    m_out << fmt::format(
        "<header><h1>custody evidence report</h1><p>Ledger <code>{}</code>, generated {}, filters "
        "<code id=\"filters\">{}</code>. Every row names its chain position (file, line, seq, "
        "hash): "
        "<code>custody log verify</code> proves it is in the ledger.</p></header>\n",
        esc(meta.ledger), esc(meta.generated), esc(util::dump_compact(meta.filters)));
    m_out << "<section id=\"rows\"><h2>Decisions and commits (<span id=\"row-count\">0</span> "
             "rows)</h2>"
             "<input id=\"filter\" type=\"search\" placeholder=\"filter rows\" aria-label=\"filter "
             "rows\">\n"
             "<table id=\"rows-table\"><thead><tr>";
    for (const auto& c : columns())
      m_out << "<th>" << c.name << "</th>";
    m_out << "</tr></thead><tbody>\n";
  }

  void row(const Row& row) override {
    m_line.assign("<tr class=\"");
    append_esc(m_line, row.at("row"));
    m_line += ' ';
    append_esc(m_line, row.at("decision"));
    m_line += "\">";
    const auto& cols = columns();
    for (size_t i = 0; i < cols.size(); ++i) {
      m_line += "<td class=\"";
      m_line += cols[i].name;
      m_line += "\">";
      append_esc(m_line, row.cells[i]);
      m_line += "</td>";
    }
    m_line += "</tr>\n";
    m_out.write(m_line.data(), static_cast<std::streamsize>(m_line.size()));
  }

  void end(const Summary& summary) override {
    m_out << "</tbody></table></section>\n";
    const Counts& t = summary.totals();
    m_out << "<section id=\"summary\"><h2>Summary</h2><dl class=\"figures\">";
    auto figure = [&](const char* id, const char* label, const std::string& value) {
      m_out << fmt::format("<div><dt>{}</dt><dd id=\"fig-{}\">{}</dd></div>", label, id,
                           esc(value));
    };
    figure("pushes", "Pushes", std::to_string(t.pushes));
    figure("decisions", "Decisions", std::to_string(t.decisions));
    figure("accepted", "Accepted", std::to_string(t.accepted));
    figure("rejected", "Rejected", std::to_string(t.rejected));
    figure("agent-decisions", "Decisions on agent pushes", std::to_string(t.agent_decisions));
    figure("commits", "Commits checked", std::to_string(t.commits));
    figure("ai-protected", "AI-assisted commits on protected refs",
           std::to_string(t.ai_commits_protected));
    figure("ai-reviewed", "...with a human reviewer",
           std::to_string(t.ai_commits_protected_reviewed));
    figure("ai-share", "Reviewed share",
           percent(t.ai_commits_protected_reviewed, t.ai_commits_protected));
    figure("bypasses", "Secret-scan bypasses", std::to_string(t.bypasses));
    m_out << "</dl>\n<h2>Decisions over time</h2>" << chart_svg(summary) << "\n";
    m_out << "<h2>Rejections by rule</h2><table "
             "id=\"rules-table\"><thead><tr><th>rule</th><th>violations in rejected "
             "decisions</th></tr></thead><tbody>";
    for (const auto& [rule, count] : t.rejections_by_rule)
      m_out << fmt::format("<tr><td>{}</td><td>{}</td></tr>", esc(rule), count);
    m_out << "</tbody></table>\n<h2>Per period</h2><table "
             "id=\"periods-table\"><thead><tr><th>period</th><th>pushes</th>"
             "<th>decisions</th><th>accepted</th><th>rejected</th><th>AI commits on protected "
             "refs</th><th>with "
             "reviewer</th><th>bypasses</th></tr></thead><tbody>";
    for (const auto& [name, c] : summary.periods())
      m_out << fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</"
                           "td><td>{}</td><td>{}</td></tr>",
                           esc(name), c.pushes, c.decisions, c.accepted, c.rejected,
                           c.ai_commits_protected, c.ai_commits_protected_reviewed, c.bypasses);
    m_out << "</tbody></table></section>\n</main>\n" << k_script << "</body></html>\n";
  }

private:
  std::ostream& m_out;
  std::string m_line;
};

} // namespace

std::unique_ptr<Writer> make_html_writer(std::ostream& out) {
  return std::make_unique<HtmlWriter>(out);
}

} // namespace custody::report
