// write_report: scan → filter → rows + summary → writer.
#include "report/report.hpp"

#include "ledger/scan.hpp"
#include "report/decision_view.hpp"
#include "report/rows.hpp"
#include "util/time.hpp"

namespace custody::report {

Status write_report(const ReportOptions& options, std::ostream& out) {
  auto writer = make_writer(options.format, out);
  Summary summary(options.period);
  writer->begin(ReportMeta{options.ledger.string(), util::now_utc(), options.filter.to_json(),
                           options.period});
  Status scanned = ledger::scan_records(options.ledger, [&](const ledger::RecordRef& ref) {
    // Cheap pre-check before parsing: ledger-internal records carry no decision.
    if (ref.text.find("\"decision\":\"") == std::string_view::npos)
      return true;
    auto record = read_decision(ref.text);
    if (!record || !options.filter.matches(*record))
      return true;
    summary.add(*record);
    for (const auto& row : rows_for(*record, ref))
      writer->row(row);
    return true;
  });
  if (!scanned)
    return scanned;
  writer->end(summary);
  out.flush();
  return ok_status();
}

} // namespace custody::report
