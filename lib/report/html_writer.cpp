// The HTML report: one self-contained page a compliance person opens in a browser or prints.
// The summary per control comes first, then one card per decision. Cards stream out as they are
// found; the summaries, known only at the end, are written last and shown first (CSS order, which
// also holds in print). No network: inline CSS, an inline SVG chart, a few lines of inline JS for
// the card filter, and a Content-Security-Policy that forbids loading anything else.
#include "report/html_page.hpp"
#include "report/rows.hpp"
#include "report/writer.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace custody::report {

namespace {

constexpr const char* k_script = R"(<script>
(function () {
  var input = document.getElementById('filter');
  var cards = document.querySelectorAll('#cards article');
  input.addEventListener('input', function () {
    var q = input.value.toLowerCase();
    for (var i = 0; i < cards.length; i++)
      cards[i].hidden = q !== '' && cards[i].textContent.toLowerCase().indexOf(q) < 0;
  });
  document.getElementById('card-count').textContent = String(cards.length);
  var root = document.documentElement;
  document.body.setAttribute('data-overflow', root.scrollWidth > root.clientWidth ? 'yes' : 'no');
  document.body.setAttribute('data-ready', 'yes');
})();
</script>
)";

// Stacked bars of accepted and rejected decisions per period.
std::string chart_svg(const Summary& summary) {
  const auto& periods = summary.periods();
  const int width = 760, height = 200, left = 40, bottom = 40, top = 10;
  uint64_t max = 1;
  for (const auto& [name, c] : periods)
    max = std::max(max, c.decisions);
  size_t n = std::max<size_t>(periods.size(), 1);
  double slot = static_cast<double>(width - left - 10) / static_cast<double>(n);
  double bar = std::max(1.0, std::min(60.0, slot * 0.7));
  double scale = static_cast<double>(height - bottom - top) / static_cast<double>(max);
  std::string svg = fmt::format(
      R"(<svg id="chart" role="img" aria-label="decisions over time" viewBox="0 0 {} {}" width="{}" height="{}">)",
      width, height, width, height);
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
        html_escape(name), c.accepted, c.rejected, html_escape(name), c.accepted, c.rejected);
    svg += fmt::format(
        R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#12b76a"/>)", x,
        base - ha, bar, ha);
    svg += fmt::format(
        R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#f04438"/></g>)", x,
        base - ha - hr, bar, hr);
    if (i % label_every == 0)
      svg += fmt::format(R"(<text x="{:.1f}" y="{}" text-anchor="middle">{}</text>)", x + bar / 2,
                         height - bottom + 14, html_escape(name));
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

std::string periods_table(const Summary& summary) {
  std::string out =
      "<table id=\"periods-table\"><thead><tr><th>period</th><th class=\"n\">pushes</th>"
      "<th class=\"n\">decisions</th><th class=\"n\">refused</th><th class=\"n\">accepted with "
      "bypass</th><th class=\"n\">commits on protected refs</th><th class=\"n\">reviewed</th>"
      "<th class=\"n\">AI-assisted on protected refs</th><th class=\"n\">reviewed</th>"
      "<th class=\"n\">secret findings</th></tr></thead><tbody>";
  for (const auto& [name, c] : summary.periods())
    out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td "
                       "class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td "
                       "class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td "
                       "class=\"n\">{}</td></tr>",
                       html_escape(name), c.pushes, c.decisions, c.rejected, c.bypassed_decisions,
                       c.protected_commits, c.protected_commits_reviewed, c.ai_commits_protected,
                       c.ai_commits_protected_reviewed, c.findings);
  return out + "</tbody></table>";
}

class HtmlWriter : public Writer {
public:
  explicit HtmlWriter(std::ostream& out) : m_out(out) {}

  void begin(const ReportMeta& meta) override {
    m_out << html_head("custody evidence report");
    m_out << fmt::format(
        "<header><h1>custody evidence report</h1><p>Ledger <code>{}</code>, generated {}, filters "
        "<code id=\"filters\">{}</code>. Every decision names its place in the hash chain (file, "
        "line, seq, hash): <code>custody log verify</code> proves it is in the ledger "
        "unaltered.</p></header>\n",
        html_escape(meta.ledger), html_escape(meta.generated),
        html_escape(util::dump_compact(meta.filters)));
    m_out << "<section id=\"decisions\"><h2>Every decision (<span id=\"card-count\">0</span>)</h2>"
             "<input id=\"filter\" type=\"search\" placeholder=\"filter decisions\" "
             "aria-label=\"filter decisions\">\n<div class=\"cards\" id=\"cards\">\n";
  }

  void row(const Row&) override { ++m_rows; }

  void decision(const DecisionView& record, const ledger::RecordRef& where) override {
    m_rows += 1 + record.commits.size();
    std::string card = decision_card({record, where.file, where.line, where.seq, where.hash, ""});
    m_out.write(card.data(), static_cast<std::streamsize>(card.size()));
  }

  void end(const Summary& summary) override {
    m_out << "</div></section>\n";
    m_out << control_summaries(summary.totals());
    const Counts& t = summary.totals();
    m_out << "<section class=\"first\" id=\"summary\"><h2>Per period</h2>" << periods_table(summary)
          << "<h3>Decisions over time</h3>" << chart_svg(summary)
          << "<h3>Refusals by rule</h3><p>Every rule every refused decision broke: a push that "
             "broke three rules counts three times.</p>"
          << rule_table("rules-table", "rule", "violations in refused decisions",
                        t.rejections_by_rule)
          << "<h3>Would have been refused (evaluate mode), per period</h3><p>Rules being "
             "trialled report what they would have refused without refusing it.</p>"
          << would_reject_table(summary, "period")
          << fmt::format("<p>Rows in the CSV/JSON form of this report: <span "
                         "id=\"row-count\">{}</span>.</p>",
                         m_rows)
          << "</section>\n";
    m_out << unreviewed_section(summary, 200);
    m_out << "</main>\n" << k_script << "</body></html>\n";
  }

private:
  std::ostream& m_out;
  uint64_t m_rows = 0;
};

} // namespace

std::unique_ptr<Writer> make_html_writer(std::ostream& out) {
  return std::make_unique<HtmlWriter>(out);
}

} // namespace custody::report
