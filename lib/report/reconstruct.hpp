#pragma once
// For periods before custody guarded a repository: what its history says about the commits on
// protected refs (AI-assisted per the trailers, reviewers named, signed). Clearly reconstructed:
// nothing here was enforced when the commits were pushed.
#include "report/estate.hpp"
#include "report/filter.hpp"
#include "util/json.hpp"

#include <vector>

namespace custody::report {

// Commits reachable from each repository's protected refs whose committer time is in the
// filter's window, each judged by the trailer schema as configured now. Repositories found by
// --ledgers (no git directory) are listed as skipped.
util::Json reconstruct_history(const std::vector<LedgerSource>& sources, const Filter& filter);

} // namespace custody::report
