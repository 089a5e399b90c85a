#include "report/scan_decisions.hpp"

namespace custody::report {

Status
scan_decisions(const std::filesystem::path& ledger, const Filter& filter,
               const std::function<void(const DecisionView&, const ledger::RecordRef&)>& fn) {
  return ledger::scan_records(ledger, [&](const ledger::RecordRef& ref) {
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
