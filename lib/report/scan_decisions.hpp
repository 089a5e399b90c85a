#pragma once
// The decision records of a ledger that a filter selects, in ledger order: what reports and
// samples are made of.
#include "ledger/scan.hpp"
#include "report/decision_view.hpp"
#include "report/filter.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace custody::report {

Status scan_decisions(const std::filesystem::path& ledger, const Filter& filter,
                      const std::function<void(const DecisionView&, const ledger::RecordRef&)>& fn);

// An "outcome" record (post-receive): a ref that actually moved, and the decision it applied.
struct OutcomeView {
  std::string time, repo, ref, push_id;
  uint64_t decision_seq = 0; // 0: no decision linked
};

// As above, and every outcome record the filter's dates and ref pattern select to `outcome`.
Status scan_decisions(const std::filesystem::path& ledger, const Filter& filter,
                      const std::function<void(const DecisionView&, const ledger::RecordRef&)>& fn,
                      const std::function<void(const OutcomeView&)>& outcome);

} // namespace custody::report
