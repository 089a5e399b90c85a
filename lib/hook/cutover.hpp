#pragma once
// The date form of `[trailers] exempt_before`, anchored to something the pusher does not
// control. A committer date is whatever the pusher wrote, so a date alone would exempt a
// backdated commit. Instead, the first hook run that sees a given date records the protected
// refs' tips as they were before that push: in the ledger (a "cutover" record, the evidence)
// and in $GIT_DIR/custody-cutover.json (read by every later run). A commit is then exempt only
// when it is reachable from those tips and committed before the date.
#include "config/config.hpp"
#include "git/repo.hpp"
#include "ledger/ledger.hpp"

#include <filesystem>

namespace custody::hook {

std::filesystem::path cutover_path(const std::filesystem::path& git_dir);

// Sets SchemaConfig::exempt_before_tips when a date cut-over is configured. With `may_record`
// (pre-receive and update, whose refs have not moved yet) the state is recorded the first time;
// otherwise an unrecorded cut-over exempts nothing. An error means the state could not be read
// or recorded: the caller refuses the push.
Status resolve_cutover(config::Config& config, const git::Repo& repo,
                       const ledger::LedgerOptions& ledger, bool may_record);

} // namespace custody::hook
