#pragma once
// Evidence rows: one per decision, and one per commit that decision checked, each carrying the
// chain position (seq, file, line, hash) that ties it to the ledger.
#include "ledger/scan.hpp"
#include "report/decision_view.hpp"

#include <array>
#include <string>
#include <vector>

namespace custody::report {

enum class CellType { text, number, boolean };

struct Column {
  const char* name;
  CellType type;
};

inline constexpr size_t k_column_count = 25;
// Columns in output order (CSV header, HTML/Markdown table head, JSON row keys).
const std::array<Column, k_column_count>& columns();
// Index of column `name` (a programming error if unknown).
size_t column_index(std::string_view name);

// Cells as text: numbers in decimal, booleans "yes"/"no", missing values "".
struct Row {
  std::array<std::string, k_column_count> cells;
  const std::string& at(std::string_view name) const { return cells[column_index(name)]; }
};

// The rows for one decision record: the decision row first, then its commits.
std::vector<Row> rows_for(const DecisionView& record, const ledger::RecordRef& where);

} // namespace custody::report
