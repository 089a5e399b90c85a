// `custody trailers [FILE|-] [--no-divider]`: prints a message's trailers exactly as
// `git interpret-trailers --parse [--no-divider]` does (same bytes, exit status 0), so an
// admin can see what custody reads from a message.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "hook/exit_code.hpp"
#include "trailers/parser.hpp"
#include "util/file.hpp"

#include <fmt/format.h>

#include <istream>
#include <iterator>
#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_usage =
    "usage: custody trailers [FILE|-] [--no-divider]\n\n"
    "Prints the message's trailers as `git interpret-trailers --parse` does.\n"
    "Reads standard input when FILE is `-` or missing.\n\n"
    "  --no-divider   do not treat a `---` line as the end of the message\n";

} // namespace

int cmd_trailers(const Args& args, hook::Io& io) {
  int exit_code = hook::k_exit_ok;
  auto parsed =
      parse_command_line("trailers", args, {{"--no-divider", false}}, k_usage, io, exit_code);
  if (!parsed)
    return exit_code;
  if (parsed->positional().size() > 1) {
    io.err << "custody trailers: expected at most one FILE\n" << k_usage;
    return hook::k_exit_usage;
  }
  std::string message;
  if (parsed->positional().empty() || parsed->positional()[0] == "-") {
    message.assign(std::istreambuf_iterator<char>(io.in), std::istreambuf_iterator<char>());
  } else {
    auto path = io.cwd / parsed->positional()[0];
    auto text = util::read_file(path);
    if (!text) {
      io.err << fmt::format("custody trailers: could not read input file '{}': {}\n",
                            parsed->positional()[0], text.error().message);
      return hook::k_exit_internal_error;
    }
    message = std::move(*text);
  }
  trailers::ParseOptions options;
  options.divider =
      parsed->has("--no-divider") ? trailers::Divider::ignore : trailers::Divider::honour;
  io.out << trailers::format_trailers(trailers::parse_trailers(message, options).trailers);
  return hook::k_exit_ok;
}

} // namespace custody::cli
