#pragma once
// Evidence rows: one per decision, and one per commit that decision checked, each carrying the
// chain position (seq, file, line, hash) that ties it to the ledger.
#include "ledger/scan.hpp"
#include "util/json.hpp"

#include <string>
#include <vector>

namespace custody::report {

// Column names in output order (CSV header, HTML/Markdown table head, JSON row keys).
const std::vector<std::string>& columns();

// The rows for one decision record: the decision row first, then its commits.
std::vector<util::Json> rows_for(const util::Json& record, const ledger::RecordRef& where);

// A cell as text ("" for null, "yes"/"no" for booleans).
std::string cell_text(const util::Json& value);

} // namespace custody::report
