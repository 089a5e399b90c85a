// write_report: scan → filter → rows + summary → writer.
#include "report/report.hpp"

#include "report/rows.hpp"
#include "report/scan_decisions.hpp"
#include "util/time.hpp"

namespace custody::report {

Status write_report(const ReportOptions& options, std::ostream& out) {
  auto writer = make_writer(options.format, out);
  Summary summary(options.period);
  writer->begin(ReportMeta{options.ledger.string(), util::now_utc(), options.filter.to_json(),
                           options.period});
  Status scanned = scan_decisions(
      options.ledger, options.filter,
      [&](const DecisionView& record, const ledger::RecordRef& ref) {
        summary.add(record, ref.seq);
        writer->decision(record, ref);
      },
      [&](const OutcomeView& outcome) { summary.add_outcome(outcome); });
  if (!scanned)
    return scanned;
  summary.finish();
  writer->end(summary);
  out.flush();
  return ok_status();
}

} // namespace custody::report
