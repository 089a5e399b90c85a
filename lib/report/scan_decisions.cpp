#include "report/scan_decisions.hpp"

#include "util/json.hpp"

namespace custody::report {

Status
scan_decisions(const std::filesystem::path& ledger, const Filter& filter,
               const std::function<void(const DecisionView&, const ledger::RecordRef&)>& fn) {
  return scan_decisions(ledger, filter, fn, nullptr);
}

Status scan_decisions(const std::filesystem::path& ledger, const Filter& filter,
                      const std::function<void(const DecisionView&, const ledger::RecordRef&)>& fn,
                      const std::function<void(const OutcomeView&)>& outcome) {
  return ledger::scan_records(ledger, [&](const ledger::RecordRef& ref) {
    if (outcome && ref.text.find("\"type\":\"outcome\"") != std::string_view::npos) {
      auto json = util::Json::parse(ref.text, nullptr, false);
      if (json.is_discarded() || !json.is_object() || json.value("type", "") != "outcome")
        return true;
      DecisionView as_filtered;
      as_filtered.time = json.value("time", "");
      as_filtered.repo = json.value("repo", "");
      as_filtered.ref = json.value("ref", "");
      if (!filter.matches(as_filtered))
        return true;
      OutcomeView view{as_filtered.time, as_filtered.repo, as_filtered.ref,
                       json.value("push_id", ""), 0};
      if (auto d = json.find("decision"); d != json.end() && d->is_object())
        view.decision_seq = d->value("seq", uint64_t{0});
      outcome(view);
      return true;
    }
    // Cheap pre-check before parsing: ledger-internal records carry no decision.
    if (ref.text.find("\"decision\":\"") == std::string_view::npos)
      return true;
    auto record = read_decision(ref.text);
    if (record && filter.matches(*record))
      fn(*record, ref);
    return true;
  });
}

} // namespace custody::report
