#include "cli/command.hpp"
#include "hook/exit_code.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

namespace {

void print_help(std::ostream& out) {
  out << "usage: custody <command> [options]\n\n"
         "custody guards a git server with auditable hooks: ref policy, trailer schema, secret\n"
         "scanning, and a tamper-evident ledger of every decision.\n\ncommands:\n";
  for (const auto& c : commands())
    out << fmt::format("  {:<15} {}\n", c.name, c.summary);
  out << "\nRun `custody <command> --help` for a command's options.\n";
}

} // namespace

int custody_main(int argc, char** argv, hook::Io& io) {
  if (argc < 2) {
    print_help(io.err);
    return hook::k_exit_usage;
  }
  std::string name = argv[1];
  if (name == "help" || name == "--help" || name == "-h") {
    print_help(io.out);
    return hook::k_exit_ok;
  }
  if (name == "--version")
    name = "version";
  Args args(argv + 2, argv + argc);
  std::vector<std::string> names;
  for (const auto& c : commands()) {
    if (name == c.name)
      return c.run(args, io);
    names.emplace_back(c.name);
  }
  io.err << fmt::format("custody: '{}' is not a custody command.", name);
  if (auto guess = util::closest_match(name, names); !guess.empty())
    io.err << fmt::format(" Did you mean '{}'?", guess);
  io.err << " See 'custody help'.\n";
  return hook::k_exit_usage;
}

} // namespace custody::cli
