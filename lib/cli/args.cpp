#include "cli/args.hpp"

#include "hook/exit_code.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

std::optional<std::string> ParsedArgs::value(const std::string& name) const {
  auto it = m_options.find(name);
  if (it == m_options.end() || it->second.empty())
    return std::nullopt;
  return it->second.back();
}

std::vector<std::string> ParsedArgs::values(const std::string& name) const {
  auto it = m_options.find(name);
  return it == m_options.end() ? std::vector<std::string>{} : it->second;
}

Result<ParsedArgs> parse_args(const std::vector<std::string>& args,
                              const std::vector<OptionSpec>& specs) {
  ParsedArgs parsed;
  std::vector<std::string> names{"--help", "-h"};
  for (const auto& s : specs)
    names.push_back(s.name);
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      parsed.m_positional.insert(parsed.m_positional.end(), args.begin() + static_cast<long>(i) + 1,
                                 args.end());
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      parsed.m_positional.push_back(arg);
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      parsed.m_options["--help"].push_back("");
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    const OptionSpec* spec = nullptr;
    for (const auto& s : specs)
      if (s.name == name)
        spec = &s;
    if (!spec) {
      std::string message = fmt::format("unknown option {}", name);
      if (auto guess = util::closest_match(name, names); !guess.empty())
        message += fmt::format("; did you mean {}?", guess);
      return make_error(ErrorCode::invalid_input, message);
    }
    if (!spec->takes_value) {
      if (inline_value)
        return make_error(ErrorCode::invalid_input, fmt::format("option {} takes no value", name));
      parsed.m_options[name].push_back("");
    } else if (inline_value) {
      parsed.m_options[name].push_back(*inline_value);
    } else if (i + 1 < args.size()) {
      parsed.m_options[name].push_back(args[++i]);
    } else {
      return make_error(ErrorCode::invalid_input, fmt::format("option {} needs a value", name));
    }
  }
  return parsed;
}

std::optional<ParsedArgs> parse_command_line(std::string_view command,
                                             const std::vector<std::string>& args,
                                             const std::vector<OptionSpec>& specs,
                                             std::string_view help, hook::Io& io, int& exit_code) {
  auto parsed = parse_args(args, specs);
  if (!parsed) {
    io.err << "custody " << command << ": " << parsed.error().message << "\n" << help;
    exit_code = hook::k_exit_usage;
    return std::nullopt;
  }
  if (parsed->has("--help")) {
    io.out << help;
    exit_code = hook::k_exit_ok;
    return std::nullopt;
  }
  return std::move(parsed.value());
}

void print_command_error(std::ostream& err, std::string_view command, const Error& error) {
  err << "custody " << command << ": " << error.message << "\n";
  if (!error.hint.empty())
    err << "hint: " << error.hint << "\n";
}

} // namespace custody::cli
