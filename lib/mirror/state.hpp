#pragma once
// A mirror's last checked ref state. A mirror fills itself with `git fetch`, which runs no
// receive hooks (HOOK-CONTRACTS.md §1.7), so `custody check --since-last` compares the refs
// against the state it last accepted and checks the difference. That state lives in the ledger
// itself, as a `"type":"mirror-state"` record holding the ref→id map: it is hash-chained like
// every decision, so it cannot be edited to hide an update without breaking `custody log verify`.
#include "ledger/ledger.hpp"
#include "refs/ref_update.hpp"
#include "util/json.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace custody::mirror {

using RefMap = std::map<std::string, std::string>; // full ref name → object id (hex)

// The refs of the last mirror-state record for `repo` in the ledger (the live segment first,
// then closed segments, newest first); nullopt when the repository was never checked.
Result<std::optional<RefMap>> last_checked_state(const ledger::LedgerOptions& ledger,
                                                 const std::string& repo);

// The updates that turn `before` into `after`, in ref-name order: creations have a zero old id,
// deletions a zero new id, of the width of the ids involved.
std::vector<refs::RefUpdate> updates_between(const RefMap& before, const RefMap& after);

struct Restored {
  std::string ref;
  std::string from; // the offending id ("" if the ref had been deleted)
  std::string to;   // the last good id ("" when the offending ref was created: it is deleted)
};

// The ledger body recording the state now accepted as good.
util::Json state_record(const std::string& repo, const RefMap& state, size_t updates_checked,
                        size_t violations, bool enforce, const std::vector<Restored>& restored);

} // namespace custody::mirror
