#include "report/html_page.hpp"

#include <fmt/format.h>

namespace custody::report {

namespace {

// Screen: a centred column at most 1280 px wide, cards instead of a wide table, long tokens
// (hashes, refs, e-mail addresses) wrap instead of widening the page. Print: A4, no
// backgrounds needed to read it, each control summary kept on one page.
constexpr const char* k_css = R"(
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{display:flex;flex-direction:column;gap:16px;padding:20px;max-width:1280px;margin:0 auto}
header{order:-3} .controls{order:-2} .first{order:-1}
section,article{overflow-wrap:anywhere}
section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:16px 20px}
h1{font-size:24px;margin:0 0 4px} h2{font-size:19px;margin:0 0 10px} h3{font-size:16px;margin:12px 0 6px}
p{margin:4px 0 8px;max-width:75em}
.controls{display:grid;grid-template-columns:repeat(auto-fit,minmax(360px,1fr));gap:16px;background:none;border:0;padding:0}
.control{background:#fff;border:1px solid #dde1e7;border-left:5px solid #2e5aac;border-radius:6px;padding:14px 18px}
.control h2 small{font-weight:400;color:#5a6372}
.control .asks{color:#3a4352}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;margin:8px 0 0}
.figures div{background:#f0f3f7;border-radius:4px;padding:6px 10px}
.figures dt{font-size:12px;color:#5a6372} .figures dd{margin:0;font-size:20px;font-weight:600}
.ok{color:#067647} .bad{color:#b42318} .warn{color:#9a5b00}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e4e7ec;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef1f5}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:10px}
.card{border:1px solid #dde1e7;border-left:5px solid #12b76a;border-radius:6px;padding:8px 12px;background:#fff;break-inside:avoid}
.card.rejected{border-left-color:#f04438} .card.bypass{border-left-color:#f79009}
.card .head{font-weight:600} .card .head .verdict{text-transform:uppercase;font-size:12px;letter-spacing:.04em;margin-right:6px}
.card.rejected .verdict{color:#b42318} .card.accepted .verdict{color:#067647} .card.bypass .verdict{color:#9a5b00}
.card ul{margin:4px 0;padding-left:18px} .card .meta{color:#5a6372;font-size:13px}
.card .chain{color:#5a6372;font-size:12px}
code,.hash{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;overflow-wrap:anywhere;word-break:break-all}
#filter{margin:0 0 8px;padding:4px 8px;width:280px}
svg{max-width:100%} svg text{font-size:10px;fill:#5a6372}
.note{background:#fff8e6;border:1px solid #f5d48a;border-radius:4px;padding:6px 10px}
@page{size:A4;margin:14mm 12mm}
@media print{
 body{background:#fff;font-size:10.5pt}
 main{padding:0;max-width:none;gap:8px}
 section,.control{border:0;padding:4px 0;border-radius:0}
 .controls{display:block}
 .control{border-left:3px solid #2e5aac;padding-left:8px;margin-bottom:8px;break-inside:avoid}
 .cards{display:block} .card{margin:0 0 6px}
 #filter{display:none}
 table{font-size:8.5pt} tr{break-inside:avoid} h2{break-after:avoid}
 a{color:inherit;text-decoration:none}
}
)";

struct Figure {
  const char* id;
  const char* label;
  std::string value;
};

std::string figures(const std::vector<Figure>& list) {
  std::string out = "<dl class=\"figures\">";
  for (const auto& f : list)
    out += fmt::format("<div><dt>{}</dt><dd id=\"fig-{}\">{}</dd></div>", f.label, f.id,
                       html_escape(f.value));
  return out + "</dl>";
}

std::string control_section(const char* id, const char* title, const char* asks,
                            const std::string& checked, const std::vector<Figure>& list) {
  return fmt::format("<section class=\"control\" id=\"control-{}\"><h2>{} <small>{}</small></h2>"
                     "<p class=\"asks\"><b>What it requires:</b> {}</p>"
                     "<p><b>What custody checked:</b> {}</p>{}</section>\n",
                     id, id, title, asks, checked, figures(list));
}

} // namespace

void append_html_escaped(std::string& out, std::string_view text) {
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

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_html_escaped(out, text);
  return out;
}

std::string html_head(std::string_view title) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'; script-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style></head>\n<body><main>\n",
      html_escape(title), k_css);
}

std::string percent_text(uint64_t part, uint64_t whole) {
  if (whole == 0)
    return "n/a";
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

std::string control_summaries(const Counts& t) {
  auto n = [](uint64_t v) { return std::to_string(v); };
  uint64_t unreviewed = t.protected_commits - t.protected_commits_reviewed;
  std::string out = "<div class=\"controls\">\n";
  out += control_section(
      "CC8.1", "Change management",
      "every change to production code (a protected branch or tag) is authorised, reviewed and "
      "approved before it is made, and history is not rewritten.",
      "each push to a protected ref, before git accepted it: force pushes, deletions and tag "
      "moves were refused; every commit the ref gained was checked for a human reviewer (a "
      "<code>Reviewed-By</code> trailer naming someone other than its author) and, where an AI "
      "tool helped write it, for the disclosure of that tool.",
      {{"protected-decisions", "Decisions on protected refs", n(t.protected_decisions)},
       {"protected-commits", "Commits reaching protected refs", n(t.protected_commits)},
       {"protected-reviewed", "…with a human reviewer", n(t.protected_commits_reviewed)},
       {"protected-share", "Review coverage",
        percent_text(t.protected_commits_reviewed, t.protected_commits)},
       {"unreviewed", "Unreviewed changes (findings)", n(unreviewed)},
       {"ai-protected", "AI-assisted commits on protected refs", n(t.ai_commits_protected)},
       {"ai-reviewed", "…with a human reviewer", n(t.ai_commits_protected_reviewed)},
       {"ai-assurance", "…by review assurance (signed, platform, pusher, claimed)",
        t.assurance_text().empty() ? "none" : t.assurance_text()},
       {"ai-share", "AI-assisted review coverage",
        percent_text(t.ai_commits_protected_reviewed, t.ai_commits_protected)}});
  out += control_section(
      "CC6.1", "Logical access",
      "only authorised people can change protected code; automated (agent or bot) accounts "
      "cannot change it on their own; every change is attributed to an authenticated identity.",
      "who pushed, as the git host authenticated them, on every push; pushes by agent accounts "
      "to protected refs were refused.",
      {{"pushes", "Pushes", n(t.pushes)},
       {"decisions", "Decisions", n(t.decisions)},
       {"accepted", "Accepted", n(t.accepted)},
       {"rejected", "Refused", n(t.rejected)},
       {"agent-decisions", "Decisions on agent pushes", n(t.agent_decisions)},
       {"agent-refusals", "Agent pushes to protected refs refused",
        n(t.agent_protected_refusals)},
       {"outcomes", "Ref updates the host applied (post-receive)", n(t.outcomes)},
       {"not-applied", "Accepted by custody, not applied by the host", n(t.not_applied)}});
  out += control_section(
      "CC6.6", "Protection against outside threats (secrets)",
      "credentials do not leak through the repository: a secret in a push is stopped before it "
      "is stored, and every exception is approved and recorded.",
      "every file a push brought in was scanned for secrets while still in quarantine; a push "
      "with a finding was refused (nothing kept) unless a named person approved a bypass.",
      {{"secrets-scanned", "Decisions with a secret scan", n(t.secrets_scanned)},
       {"findings", "Secret findings (redacted)", n(t.findings)},
       {"secret-refusals", "Pushes refused for secrets", n(t.secret_refusals)},
       {"bypassed", "Accepted with a bypass", n(t.bypassed_decisions)},
       {"bypasses", "Secret-scan bypasses", n(t.bypasses)}});
  return out + "</div>\n";
}

std::string rule_table(const char* id, const char* rule_head, const char* count_head,
                       const std::map<std::string, uint64_t>& counts) {
  if (counts.empty())
    return fmt::format("<p id=\"{}\">none</p>", id);
  std::string out = fmt::format(
      "<table id=\"{}\"><thead><tr><th>{}</th><th class=\"n\">{}</th></tr></thead><tbody>", id,
      rule_head, count_head);
  for (const auto& [rule, count] : counts)
    out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td></tr>", html_escape(rule), count);
  return out + "</tbody></table>";
}

std::string would_reject_table(const Summary& summary, const char* period_head) {
  std::string rows;
  for (const auto& [period, c] : summary.periods())
    for (const auto& [rule, n] : c.would_reject_by_rule)
      rows += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                          html_escape(period), html_escape(rule), n);
  if (rows.empty())
    return "<p id=\"would-reject-table\">none</p>";
  return fmt::format("<table id=\"would-reject-table\"><thead><tr><th>{}</th><th>rule</th><th "
                     "class=\"n\">accepted decisions it would have refused</th></tr></thead>"
                     "<tbody>{}</tbody></table>",
                     period_head, rows);
}

std::string unreviewed_section(const Summary& summary, size_t limit) {
  const Counts& t = summary.totals();
  uint64_t total = t.protected_commits - t.protected_commits_reviewed;
  std::string out = fmt::format(
      "<section id=\"unreviewed-section\"><h2>Unreviewed changes to protected refs ({})</h2>"
      "<p>Commits that reached a protected branch or tag with no human reviewer named, whether "
      "or not an AI tool wrote them. Each is a CC8.1 finding to explain (for example an "
      "emergency change approved elsewhere).</p>",
      total);
  if (total == 0)
    return out + "<p class=\"ok\">None.</p></section>\n";
  out += "<table id=\"unreviewed-table\"><thead><tr><th>time</th><th>repository</th><th>ref</th>"
         "<th>commit</th><th>author</th><th>pushed by</th><th>AI tool</th></tr></thead><tbody>";
  size_t shown = 0;
  for (const auto& u : summary.unreviewed()) {
    if (shown++ == limit)
      break;
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td>"
                       "<td>{}</td><td>{}</td></tr>",
                       html_escape(u.time), html_escape(u.repo), html_escape(u.ref),
                       html_escape(u.commit.substr(0, 12)), html_escape(u.author),
                       html_escape(u.pusher), html_escape(u.ai_tool.empty() ? "-" : u.ai_tool));
  }
  out += "</tbody></table>";
  if (total > shown)
    out += fmt::format("<p>{} more are in the full decision list.</p>", total - shown);
  return out + "</section>\n";
}

std::string verdict_text(const DecisionView& d) {
  if (d.bypassed())
    return "accepted (bypass)";
  return d.decision;
}

std::string decision_card(const CardInput& in) {
  const DecisionView& d = in.decision;
  std::string cls =
      d.decision == "accepted" ? (d.bypassed() ? "accepted bypass" : "accepted") : "rejected";
  std::string who = d.pusher.empty() ? "unknown pusher" : d.pusher;
  if (d.pusher_is_agent)
    who += " (agent account)";
  if (!d.pusher_source.empty())
    who += ", identified by " + d.pusher_source;
  std::string out =
      fmt::format("<article class=\"card {}{}{}\" data-seq=\"{}\"><div class=\"head\"><span "
                  "class=\"verdict\">{}</span>{} <span class=\"meta\">{}{}</span></div>",
                  cls, in.extra_class.empty() ? "" : " ", in.extra_class, in.seq,
                  html_escape(verdict_text(d)), html_escape(d.ref.empty() ? d.type : d.ref),
                  html_escape(d.kind.empty() ? "" : d.kind), d.is_protected ? " · protected" : "");
  out += fmt::format("<div class=\"meta\">{} · {} · {}{}</div>", html_escape(d.time),
                     html_escape(d.repo), html_escape(who),
                     d.node.empty() ? "" : " · node " + html_escape(d.node));
  if (!d.commits.empty()) {
    out += "<ul class=\"commits\">";
    for (const auto& c : d.commits) {
      out += fmt::format("<li><code>{}</code> by {}", html_escape(c.id.substr(0, 12)),
                         html_escape(c.author.empty() ? "?" : c.author));
      if (!c.ai_tool.empty())
        out += "; AI-assisted (" + html_escape(c.ai_tool) + ")";
      if (!c.reviewers.empty())
        out += fmt::format("; <span class=\"ok\">reviewed by {}</span>{}", html_escape(c.reviewers),
                           c.review_date.empty() ? "" : " on " + html_escape(c.review_date));
      else if (c.verdict == "exempt")
        out += "; exempt (before the trailer schema applied)";
      else
        out += "; <span class=\"bad\">no reviewer named</span>";
      out += "</li>";
    }
    out += "</ul>";
  }
  for (const auto& v : d.violations) {
    std::string rules;
    for (const auto& r : v.rules)
      rules += (rules.empty() ? "" : ", ") + r;
    out += fmt::format("<p class=\"bad\">Broke {}{}: {}</p>", html_escape(rules),
                       v.control.empty() ? std::string()
                                         : fmt::format(" ({})", html_escape(v.control)),
                       html_escape(v.message));
  }
  if (!d.error.empty())
    out += fmt::format("<p class=\"bad\">Could not decide: {}</p>", html_escape(d.error));
  for (const auto& f : d.findings)
    out += fmt::format("<p class=\"warn\">Secret finding {} in {}{}: <code>{}</code></p>",
                       html_escape(f.rule), html_escape(f.path),
                       // fmt, not ":" + string: GCC 12 -O3 reports a false -Wrestrict there
                       f.line.empty() ? std::string() : fmt::format(":{}", html_escape(f.line)),
                       html_escape(f.redacted));
  for (const auto& b : d.bypasses)
    out += fmt::format("<p class=\"warn\">Bypass of {} by {}: {}</p>", html_escape(b.fingerprint),
                       html_escape(b.by), html_escape(b.reason));
  for (const auto& w : d.would_reject)
    out += fmt::format("<p class=\"warn\">Would have been refused by {} (evaluate mode{})</p>",
                       html_escape(w.rule),
                       w.ruleset.empty() ? std::string()
                                         : fmt::format(", ruleset {}", html_escape(w.ruleset)));
  out += fmt::format("<div class=\"chain\">ledger {} line {}, seq {}, hash <span "
                     "class=\"hash\">{}</span></div></article>\n",
                     html_escape(in.file), in.line, in.seq, html_escape(in.hash));
  return out;
}

} // namespace custody::report
