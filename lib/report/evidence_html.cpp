// The bundle's index.html: one page an auditor reads from the top. First what the bundle covers
// and whether every ledger is intact, then one summary per control, then the figures per
// repository and month, the unreviewed changes, the samples with their evidence, the policy in
// force, and (when asked for) the reconstruction of the time before custody.
#include "report/decision_view.hpp"
#include "report/evidence_model.hpp"
#include "report/html_page.hpp"

#include <fmt/format.h>

namespace custody::report {

namespace {

constexpr const char* k_script = R"(<script>
(function () {
  var root = document.documentElement;
  document.body.setAttribute('data-overflow', root.scrollWidth > root.clientWidth ? 'yes' : 'no');
  document.body.setAttribute('data-ready', 'yes');
})();
</script>
)";

std::string esc(std::string_view s) {
  return html_escape(s);
}

std::string header(const EvidenceModel& m) {
  size_t damaged = 0, missing = 0;
  for (const auto& l : m.ledgers) {
    damaged += !l.ok;
    missing += !l.present;
  }
  std::string chain =
      damaged == 0
          ? fmt::format("<p class=\"ok\" id=\"chain-status\">All {} ledgers verified intact: no "
                        "record was altered, removed, reordered or inserted.</p>",
                        m.ledgers.size() - missing)
          : fmt::format("<p class=\"bad\" id=\"chain-status\">{} of {} ledgers are DAMAGED: see "
                        "\"Ledger integrity\" below. Figures from a damaged ledger cannot be "
                        "relied on.</p>",
                        damaged, m.ledgers.size());
  if (missing)
    chain += fmt::format("<p class=\"warn\">{} repositories have no ledger: custody recorded no "
                         "decision there (not installed, or no push yet).</p>",
                         missing);
  return fmt::format(
      "<header><section><h1>Change-control evidence, {} to {}</h1>"
      "<p>Covers {} repositories ({} ledgers), chosen by <code>{}</code>. Generated {} by "
      "custody. Every figure below is computed from the decision ledgers: tamper-evident, "
      "hash-chained records that custody's git hooks wrote at the moment they accepted or refused "
      "each push. <code>MANIFEST</code> holds the SHA-256 of every file in this folder; "
      "<code>custody evidence verify</code> checks it.</p>{}</section></header>\n",
      esc(m.from), esc(m.to), m.repositories.size(), m.ledgers.size(), esc(m.scope),
      esc(m.generated), chain);
}

std::string integrity(const EvidenceModel& m) {
  std::string out =
      "<section id=\"integrity\"><h2>Ledger integrity</h2><p>Each ledger's whole chain was "
      "re-verified for this bundle (verify.json). The head is the last record: compare it with a "
      "copy held elsewhere (witness) to prove nothing was cut off.</p><table "
      "id=\"ledgers-table\"><thead><tr><th>repository</th><th>status</th><th "
      "class=\"n\">records</th><th class=\"n\">head seq</th><th>head hash</th><th>signatures</th>"
      "</tr></thead><tbody>";
  for (const auto& l : m.ledgers) {
    std::string status = !l.present ? "<span class=\"warn\">no ledger</span>"
                         : l.ok     ? "<span class=\"ok\">intact</span>"
                                    : "<span class=\"bad\">DAMAGED: " + esc(l.problem) + "</span>";
    out += fmt::format("<tr data-ok=\"{}\"><td>{}</td><td>{}</td><td class=\"n\">{}</td><td "
                       "class=\"n\">{}</td><td class=\"hash\">{}</td><td>{}</td></tr>",
                       l.ok ? "yes" : "no", esc(l.repository), status, l.records, l.head_seq,
                       esc(l.head_hash), esc(l.signatures));
  }
  return out + "</tbody></table></section>\n";
}

std::string per_repository(const EvidenceModel& m) {
  std::string out =
      "<section id=\"per-repository\"><h2>Per repository and month</h2><table "
      "id=\"repo-month-table\"><thead><tr><th>repository</th><th>month</th><th "
      "class=\"n\">decisions</th><th class=\"n\">refused</th><th class=\"n\">accepted with "
      "bypass</th><th class=\"n\">commits on protected refs</th><th class=\"n\">reviewed</th><th "
      "class=\"n\">AI-assisted on protected refs</th><th class=\"n\">reviewed</th><th "
      "class=\"n\">secret findings</th><th class=\"n\">would refuse (evaluate)</th></tr></thead>"
      "<tbody>";
  for (const auto& [name, repo] : m.repositories) {
    if (repo.summary.periods().empty()) {
      out += fmt::format("<tr><td>{}</td><td colspan=\"10\">no decisions in the period</td></tr>",
                         esc(name));
      continue;
    }
    for (const auto& [month, c] : repo.summary.periods()) {
      uint64_t would = 0;
      for (const auto& [rule, n] : c.would_reject_by_rule)
        would += n;
      out +=
          fmt::format("<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td "
                      "class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{} ({})</td><td "
                      "class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td "
                      "class=\"n\">{}</td></tr>",
                      esc(name), esc(month), c.decisions, c.rejected, c.bypassed_decisions,
                      c.protected_commits, c.protected_commits_reviewed,
                      percent_text(c.protected_commits_reviewed, c.protected_commits),
                      c.ai_commits_protected, c.ai_commits_protected_reviewed, c.findings, would);
    }
  }
  return out + "</tbody></table></section>\n";
}

std::string rules(const EvidenceModel& m) {
  const Counts& t = m.estate.totals();
  std::string out = "<section id=\"rules\"><h2>Refusals by rule</h2><p>Every rule every refused "
                    "decision broke: a push that broke three rules counts three times.</p>";
  out += rule_table("rules-table", "rule", "violations in refused decisions", t.rejections_by_rule);
  out += "<h3>Would have been refused (evaluate mode), per month</h3><p>Rules being trialled "
         "report what they would have refused without refusing it.</p>";
  out += would_reject_table(m.estate, "month");
  return out + "</section>\n";
}

std::string samples(const EvidenceModel& m) {
  std::string out = fmt::format(
      "<section id=\"samples\"><h2>Samples</h2><p>{} decisions per control, chosen at random "
      "but reproducibly from seed <code id=\"seed\">{}</code>. {}</p>",
      m.sample_size, esc(m.seed_text), esc(m.method));
  for (const auto& s : m.samples) {
    out += fmt::format("<h3 id=\"sample-{}\">{}: {} of {} decisions</h3><p>Population: {}. Full "
                       "records: <code>samples/{}.json</code>.</p><div class=\"cards\">",
                       esc(s.control), esc(s.control), s.items.size(), s.population,
                       esc(s.population_rule), esc(s.control));
    for (const auto& item : s.items) {
      auto d = read_decision(item.text);
      if (!d)
        continue;
      d->repo = item.repository;
      out += decision_card({*d, item.file, item.line, item.seq, item.hash, "sample"});
    }
    out += "</div>";
  }
  return out + "</section>\n";
}

std::string policy(const EvidenceModel& m) {
  std::string out =
      "<section id=\"policy\"><h2>Policy in force</h2><p>The configuration files that apply, "
      "later ones overriding earlier ones key by key, copied into <code>policy/</code> as found "
      "when this bundle was made.</p><table id=\"layers-table\"><thead><tr><th>layer</th><th>copy "
      "in this bundle</th><th>SHA-256</th></tr></thead><tbody>";
  for (const auto& l : m.layers)
    out += fmt::format("<tr><td>{}</td><td><code>{}</code></td><td class=\"hash\">{}</td></tr>",
                       esc(l.source), esc(l.file), esc(l.sha256));
  out += "</tbody></table>";
  if (!m.records_carry_digest) {
    out += "<p class=\"note\">The period's records carry no configuration digest, so this bundle "
           "cannot show when the configuration changed during the period; it shows the "
           "configuration as found now.</p>";
  } else {
    out += "<h3>Configuration changes recorded in the period</h3><table "
           "id=\"config-changes-table\"><thead><tr><th>repository</th><th>configuration "
           "digest</th><th>first decision</th><th>last decision</th><th "
           "class=\"n\">decisions</th></tr></thead><tbody>";
    for (const auto& [name, repo] : m.repositories)
      for (const auto& d : repo.digests)
        out += fmt::format("<tr><td>{}</td><td class=\"hash\">{}{}</td><td>{}</td><td>{}</td><td "
                           "class=\"n\">{}</td></tr>",
                           esc(name), esc(d.digest),
                           d.digest == repo.config_digest_now ? " (as now)" : "", esc(d.first_time),
                           esc(d.last_time), d.decisions);
    out += "</tbody></table>";
  }
  for (const auto& [name, repo] : m.repositories)
    if (!repo.config_error.empty())
      out += fmt::format("<p class=\"bad\">{}: the configuration is invalid now: {}</p>", esc(name),
                         esc(repo.config_error));
  return out + "</section>\n";
}

std::string reconstruction(const EvidenceModel& m) {
  if (m.reconstruction.is_null())
    return "";
  std::string out = fmt::format(
      "<section id=\"reconstruction\"><h2>Reconstructed from history (not enforced at the "
      "time)</h2><p class=\"note\">{}</p><table id=\"reconstruction-table\"><thead><tr><th>"
      "repository</th><th class=\"n\">commits on protected refs</th><th class=\"n\">naming a "
      "reviewer</th><th class=\"n\">AI-assisted</th><th class=\"n\">AI-assisted naming a "
      "reviewer</th><th class=\"n\">signed</th></tr></thead><tbody>",
      esc(m.reconstruction.value("note", "")));
  for (const auto& r : m.reconstruction["repositories"]) {
    if (r.contains("skipped")) {
      out += fmt::format("<tr><td>{}</td><td colspan=\"5\">skipped: {}</td></tr>",
                         esc(r.value("repository", "")), esc(r.value("skipped", "")));
      continue;
    }
    out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td "
                       "class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                       esc(r.value("repository", "")), r.value("commits", 0),
                       r.value("with_reviewer", 0), r.value("ai_assisted", 0),
                       r.value("ai_assisted_with_reviewer", 0), r.value("signed", 0));
  }
  return out +
         "</tbody></table><p>Per-commit detail: <code>reconstruction.json</code>.</p></section>\n";
}

constexpr const char* k_files = R"(<section id="files"><h2>Files in this bundle</h2><table><tbody>
<tr><td><code>index.html</code></td><td>this page</td></tr>
<tr><td><code>summary.json</code></td><td>every figure on this page, for the estate and per repository and month</td></tr>
<tr><td><code>decisions.csv</code>, <code>decisions.json</code></td><td>every decision in the period, and every commit it checked, with its place in the chain</td></tr>
<tr><td><code>samples/</code></td><td>the sample per control with each sampled decision's full record; <code>METHOD.txt</code> says how they were drawn</td></tr>
<tr><td><code>verify.json</code></td><td>the verification of every ledger: heads, signatures, damage</td></tr>
<tr><td><code>policy/</code></td><td>the configuration layers and <code>policy.json</code> (which applied where, changes recorded)</td></tr>
<tr><td><code>keys/</code></td><td>public keys used to check signatures</td></tr>
<tr><td><code>MANIFEST</code></td><td>SHA-256 of every file (<code>sha256sum -c MANIFEST</code>); <code>MANIFEST.sig</code> its Ed25519 signature when a key was given</td></tr>
</tbody></table></section>
)";

} // namespace

std::string evidence_index_html(const EvidenceModel& m) {
  std::string out = html_head("custody evidence " + m.from + " to " + m.to);
  out += header(m);
  out += control_summaries(m.estate.totals());
  out += integrity(m);
  out += per_repository(m);
  out += unreviewed_section(m.estate, 200);
  out += rules(m);
  out += samples(m);
  out += policy(m);
  out += reconstruction(m);
  out += k_files;
  out += "</main>\n";
  out += k_script;
  out += "</body></html>\n";
  return out;
}

} // namespace custody::report
