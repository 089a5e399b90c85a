#pragma once
// The parts every custody HTML page shares (`custody log report --format html` and the evidence
// bundle's index.html): escaping, one stylesheet for screen (1400 px without horizontal
// scrolling) and print (A4), the per-control summaries an auditor reads first, and the decision
// card. Pages are self-contained: no network, a Content-Security-Policy forbidding any fetch.
#include "report/summary.hpp"

#include <string>
#include <string_view>

namespace custody::report {

std::string html_escape(std::string_view text);
void append_html_escaped(std::string& out, std::string_view text);

// <!DOCTYPE html> … <body>: the head with the stylesheet, a CSP and `title`.
std::string html_head(std::string_view title);

// "12.5%" or "n/a" for an empty whole.
std::string percent_text(uint64_t part, uint64_t whole);

// One <section class="control"> per control (CC8.1, CC6.1, CC6.6): what it requires, what custody
// checked, and the figures, each figure in <dd id="fig-ID"> so tests can read them.
std::string control_summaries(const Counts& totals);

// A table of rules and counts (`id` names the table); "none" when empty.
std::string rule_table(const char* id, const char* rule_head, const char* count_head,
                       const std::map<std::string, uint64_t>& counts);

// Evaluate-mode violations (`would_reject`) per period and rule (`period_head`: "month",
// "period"); "none" when there are none.
std::string would_reject_table(const Summary& summary, const char* period_head);

// The unreviewed changes to protected refs: the first `limit` kept, and the total.
std::string unreviewed_section(const Summary& summary, size_t limit);

// A decision as a card: verdict, ref, kind, who, when, the commits with their review evidence,
// every rule it broke, bypasses, redacted findings and its chain position.
struct CardInput {
  const DecisionView& decision;
  std::string_view file;
  uint64_t line = 0;
  uint64_t seq = 0;
  std::string_view hash;
  std::string extra_class; // e.g. "sample"
};
std::string decision_card(const CardInput& input);

// "accepted", "accepted (bypass)" or "rejected".
std::string verdict_text(const DecisionView& decision);

} // namespace custody::report
