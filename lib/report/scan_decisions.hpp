#pragma once
// The decision records of a ledger that a filter selects, in ledger order: what reports and
// samples are made of.
#include "ledger/scan.hpp"
#include "report/decision_view.hpp"
#include "report/filter.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <functional>

namespace custody::report {

Status scan_decisions(const std::filesystem::path& ledger, const Filter& filter,
                      const std::function<void(const DecisionView&, const ledger::RecordRef&)>& fn);

} // namespace custody::report
