// custody log head | tail: the newest records, for a witness and for people.
#include "cli/args.hpp"
#include "cli/log_commands.hpp"
#include "cli/log_location.hpp"
#include "hook/exit_code.hpp"
#include "ledger/head.hpp"
#include "report/readable.hpp"
#include "util/json.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_head_help =
    R"(usage: custody log head [--ledger PATH | --repo PATH] [--json]

Prints SEQ:HASH of the ledger's last record. Record it somewhere the server cannot rewrite (a
ticket, another host, a transparency log); later, `custody log verify --witness SEQ:HASH` proves
that record is still there unchanged, so the ledger was neither truncated nor rewritten.
)";

constexpr const char* k_tail_help = R"(usage: custody log tail [--ledger PATH | --repo PATH] [-n N]

Prints the last N records (default 10), one line each:
  time  hook  pusher[agent]  ref  kind  decision  [violated rules]
)";

} // namespace

int log_head(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {{"--ledger", true}, {"--repo", true}, {"--json", false}});
  if (!parsed) {
    print_log_error(io.err, "head", parsed.error());
    return hook::k_exit_usage;
  }
  if (parsed->has("--help")) {
    io.out << k_head_help;
    return hook::k_exit_ok;
  }
  auto location = locate_ledger(*parsed, io);
  auto head = location ? ledger::read_head(location->path)
                       : Result<std::optional<ledger::Head>>(location.error());
  if (!head) {
    print_log_error(io.err, "head", head.error());
    return hook::k_exit_internal_error;
  }
  ledger::Head h = head->value_or(ledger::Head{0, std::string(64, '0'), ""});
  if (parsed->has("--json"))
    io.out << util::dump_compact({{"seq", h.seq}, {"hash", h.hash}, {"file", h.file}}) << "\n";
  else
    io.out << h.seq << ":" << h.hash << "\n";
  return hook::k_exit_ok;
}

int log_tail(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {{"--ledger", true}, {"--repo", true}, {"-n", true}});
  if (!parsed) {
    print_log_error(io.err, "tail", parsed.error());
    return hook::k_exit_usage;
  }
  if (parsed->has("--help")) {
    io.out << k_tail_help;
    return hook::k_exit_ok;
  }
  size_t n = 10;
  if (auto value = parsed->value("-n")) {
    if (value->empty() || value->size() > 9 ||
        value->find_first_not_of("0123456789") != std::string::npos) {
      print_log_error(
          io.err, "tail",
          make_error(ErrorCode::invalid_input, fmt::format("-n '{}' is not a count", *value)));
      return hook::k_exit_usage;
    }
    n = std::stoul(*value);
  }
  auto location = locate_ledger(*parsed, io);
  auto lines = location ? ledger::last_records(location->path, n)
                        : Result<std::vector<std::string>>(location.error());
  if (!lines) {
    print_log_error(io.err, "tail", lines.error());
    return hook::k_exit_internal_error;
  }
  for (const auto& line : *lines)
    io.out << report::readable_line(line) << "\n";
  return hook::k_exit_ok;
}

} // namespace custody::cli
