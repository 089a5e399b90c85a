// custody log: verify and read the decision ledger. Each action lives in cmd_log_<action>.cpp.
#include "cli/log_commands.hpp"
#include "hook/exit_code.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <string_view>

namespace custody::cli {

namespace {

constexpr const char* k_help = R"(usage: custody log <action> [options]

  verify  [--ledger PATH | --repo PATH] [--public-key PEM] [--witness SEQ:HASH|REPO.git] [--json]
          check the whole hash chain, every segment in order; exit 0 when intact (a torn
          tail from a crashed writer is a warning), 1 naming the first bad record
  verify  --collected DIR [--repo PATH]
          check every chain of a collected copy, reporting gaps; with --repo, the
          repository's ledger against its collected copy
  witness --to REPO.git (--root DIR | --ledgers GLOB...)
          commit the head of every ledger on this node to a witness repository custody guards
  head    [--ledger PATH | --repo PATH] [--json]
          print SEQ:HASH of the last record, for an external witness
  tail    [--ledger PATH | --repo PATH] [-n N]
          print the last N records (default 10) readably
  report  [--from DATE] [--to DATE] [--ref GLOB] [--format json|csv|html|md] [--period month|day]
          evidence rows per decision and per checked commit, with summary metrics
  sample  --n N --seed S [--from DATE] [--to DATE] [--ref GLOB] [--format text|json]
          a reproducible random sample of decisions with their chain positions
  keygen  --out DIR
          create an Ed25519 key pair for [ledger] signing_key
  import  --from FILE|DIR --out DIR [--json]
          on a collector: turn the records received through rsyslog back into one ledger per
          node and repository, dropping redeliveries (docs/estate.md)

Without --ledger, the ledger is the one configured for the repository (--repo, else the one
around the working directory). Format and guarantees: docs/ledger.md.
)";

struct Action {
  std::string_view name;
  int (*run)(const Args&, hook::Io&);
};

constexpr Action k_actions[] = {{"verify", log_verify}, {"head", log_head},
                                {"tail", log_tail},     {"report", log_report},
                                {"sample", log_sample}, {"keygen", log_keygen},
                                {"import", log_import}, {"witness", log_witness}};

} // namespace

void print_log_error(std::ostream& err, const char* action, const Error& error) {
  err << fmt::format("custody log {}: {}\n", action, error.message);
  if (!error.hint.empty())
    err << fmt::format("hint: {}\n", error.hint);
}

int cmd_log(const Args& args, hook::Io& io) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? io.err : io.out) << k_help;
    return args.empty() ? hook::k_exit_usage : hook::k_exit_ok;
  }
  std::vector<std::string> names;
  for (const auto& action : k_actions) {
    if (args[0] == action.name)
      return action.run(Args(args.begin() + 1, args.end()), io);
    names.emplace_back(action.name);
  }
  io.err << fmt::format("custody log: unknown action '{}'.", args[0]);
  if (auto guess = util::closest_match(args[0], names); !guess.empty())
    io.err << fmt::format(" Did you mean '{}'?", guess);
  io.err << " See 'custody log --help'.\n";
  return hook::k_exit_usage;
}

} // namespace custody::cli
