// custody log import: the collector's step from the received syslog stream back to ledgers.
#include "cli/args.hpp"
#include "cli/log_commands.hpp"
#include "cli/log_location.hpp"
#include "hook/exit_code.hpp"
#include "ledger/collect.hpp"
#include "util/json.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help =
    R"(usage: custody log import --from FILE|DIR [--from ...] --out DIR [--json]

Reads ledger records as the collector received them (rsyslog's files: one record per line, any
syslog prefix before `{"seq":` is ignored; a directory is read recursively) and adds them to the
collected copy in DIR: one file per chain, DIR/<repo_id>/chain.<node>.jsonl, in seq order, and
DIR/<repo_id>/merged.jsonl with all chains of the repository ordered by time. Redeliveries (the
same repository, chain and seq with the same bytes) are dropped, so importing a stream again
changes nothing. Records without node and repo_id (written by older versions) go to
DIR/unplaced.jsonl. Then `custody log verify --collected DIR` checks every chain.
Exit 0: imported; 1: a record was damaged, or two different records claim the same place
(tampering, or two nodes configured with one node id); 2: unreadable input.
)";

} // namespace

int log_import(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {{"--from", true}, {"--out", true}, {"--json", false}});
  if (!parsed) {
    print_log_error(io.err, "import", parsed.error());
    return hook::k_exit_usage;
  }
  if (parsed->has("--help")) {
    io.out << k_help;
    return hook::k_exit_ok;
  }
  auto out = parsed->value("--out");
  std::vector<std::filesystem::path> inputs;
  for (const auto& from : parsed->values("--from"))
    inputs.push_back(cli_path(from, io));
  if (!out || inputs.empty()) {
    print_log_error(io.err, "import",
                    make_error(ErrorCode::invalid_input, "--from and --out are required",
                               "e.g. custody log import --from /var/log/custody --out "
                               "/var/lib/custody/collected"));
    return hook::k_exit_usage;
  }
  auto stats = ledger::import_records(inputs, cli_path(*out, io));
  if (!stats) {
    print_log_error(io.err, "import", stats.error());
    return hook::k_exit_internal_error;
  }
  const bool ok = stats->damaged.empty() && stats->conflicts.empty();
  if (parsed->has("--json")) {
    util::Json j = {{"ok", ok},
                    {"lines", stats->lines},
                    {"added", stats->added},
                    {"duplicates", stats->duplicates},
                    {"not_records", stats->not_records},
                    {"unplaced", stats->unplaced},
                    {"chains", stats->chains},
                    {"chains_written", stats->chains_written},
                    {"damaged", stats->damaged},
                    {"conflicts", stats->conflicts}};
    io.out << util::dump_compact(j) << "\n";
  } else {
    for (const auto& d : stats->damaged)
      io.err << "custody log import: damaged record, not imported: " << d << "\n";
    for (const auto& c : stats->conflicts)
      io.err << "custody log import: conflict: " << c << "\n";
    io.out << fmt::format("imported {} new records ({} duplicates dropped, {} lines without a "
                          "record, {} without origin) into {} chains ({} rewritten)\n",
                          stats->added, stats->duplicates, stats->not_records, stats->unplaced,
                          stats->chains, stats->chains_written);
  }
  return ok ? hook::k_exit_ok : hook::k_exit_rejected;
}

} // namespace custody::cli
