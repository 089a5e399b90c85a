#pragma once
// Report output formats. Rows stream out as they are found; the summary comes last because it
// is known only at the end (HTML moves it to the top with CSS; JSON keeps key order).
#include "report/rows.hpp"
#include "report/summary.hpp"
#include "util/json.hpp"

#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

namespace custody::report {

enum class Format { json, csv, html, md };
std::optional<Format> parse_format(std::string_view name);

struct ReportMeta {
  std::string ledger;    // path of the live segment
  std::string generated; // UTC time of the run
  util::Json filters;    // {"from":..,"to":..,"ref":..}
  Period period = Period::month;
};

class Writer {
public:
  virtual ~Writer() = default;
  virtual void begin(const ReportMeta& meta) = 0;
  virtual void row(const Row& row) = 0;
  // One decision and where it is in the chain; by default its rows (rows_for).
  virtual void decision(const DecisionView& record, const ledger::RecordRef& where) {
    for (const auto& r : rows_for(record, where))
      row(r);
  }
  virtual void end(const Summary& summary) = 0;
};

std::unique_ptr<Writer> make_json_writer(std::ostream& out);
std::unique_ptr<Writer> make_csv_writer(std::ostream& out);
std::unique_ptr<Writer> make_md_writer(std::ostream& out);
std::unique_ptr<Writer> make_html_writer(std::ostream& out);
std::unique_ptr<Writer> make_writer(Format format, std::ostream& out);

} // namespace custody::report
