#pragma once
// git's post-receive: records the outcome of a push, i.e. which refs actually moved. The host
// may still refuse a ref after custody's pre-receive accepted it (gitolite's branch rules, an
// update hook, receive.denyDeletes/denyNonFastForwards, a lost race); git gives post-receive
// only the refs it updated. Each moved ref gets one "outcome" record linked to the decision
// that accepted it (docs/ledger.md, "Outcomes").
#include "hook/io.hpp"
#include "util/json.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace custody::hook {

// How many of the ledger's newest records post-receive searches for the decision of a ref
// update (concurrent pushes interleave their records).
inline constexpr size_t k_outcome_lookback = 2000;

struct DecisionLink {
  uint64_t seq = 0; // 0: no decision found
  std::string hash;
  std::string push_id;
};

// For each update (old, new, ref), the newest accepting pre-receive/update decision for exactly
// that update among `records` (oldest first) that no outcome already names.
std::vector<DecisionLink> link_decisions(const std::vector<std::string>& records,
                                         const std::vector<std::array<std::string, 3>>& updates);

int post_receive_main(Io& io);

} // namespace custody::hook
