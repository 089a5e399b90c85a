// custody config check | show: validate configuration files and show the effective settings.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "config/loader.hpp"
#include "git/repo.hpp"
#include "hook/exit_code.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help = R"(usage: custody config check [FILE] [--repo PATH]
       custody config show [--repo PATH]

check  validates FILE on top of the embedded default, or, without FILE, the whole chain a hook
       in --repo would load: embedded default, /etc/custody/custody.toml ($CUSTODY_SYSTEM_CONFIG),
       <git dir>/custody.toml, $CUSTODY_CONFIG. Prints every problem as FILE:LINE:COL: message
       and exits 1 if there is any.
show   prints every effective setting with the file and line it came from.
)";

config::LoadOptions options_for(const ParsedArgs& args, const hook::Io& io,
                                std::optional<std::string> file) {
  std::optional<std::filesystem::path> git_dir;
  if (auto repo_path = args.value("--repo")) {
    if (auto repo = git::Repo::open(*repo_path))
      git_dir = repo->git_dir();
  } else if (auto repo = git::Repo::open(io.cwd)) {
    git_dir = repo->git_dir();
  }
  auto options = config::load_options_from_env(io.env, git_dir);
  if (file) {
    options = config::LoadOptions{};
    options.system_file = "/nonexistent/custody.toml";
    options.explicit_file = *file;
  }
  return options;
}

} // namespace

int cmd_config(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {{"--repo", true}});
  if (!parsed) {
    io.err << "custody config: " << parsed.error().message << "\n" << k_help;
    return hook::k_exit_usage;
  }
  const auto& pos = parsed->positional();
  if (parsed->has("--help") || pos.empty()) {
    (pos.empty() && !parsed->has("--help") ? io.err : io.out) << k_help;
    return pos.empty() && !parsed->has("--help") ? hook::k_exit_usage : hook::k_exit_ok;
  }
  const std::string& action = pos[0];
  if (action == "check" && pos.size() <= 2) {
    auto result = config::load_config(
        options_for(*parsed, io, pos.size() == 2 ? std::optional(pos[1]) : std::nullopt));
    for (const auto& d : result.diagnostics)
      io.err << d.to_string() << "\n";
    if (!result.diagnostics.empty()) {
      io.err << fmt::format("{} problem{} found; hooks refuse every push until they are fixed\n",
                            result.diagnostics.size(), result.diagnostics.size() == 1 ? "" : "s");
      return hook::k_exit_rejected;
    }
    io.out << fmt::format("configuration OK ({})\n", fmt::join(result.config.layers, " → "));
    return hook::k_exit_ok;
  }
  if (action == "show" && pos.size() == 1) {
    auto options = options_for(*parsed, io, std::nullopt);
    options.record_origins = true;
    auto result = config::load_config(options);
    for (const auto& d : result.diagnostics)
      io.err << d.to_string() << "\n";
    io.out << fmt::format("# layers: {}\n", fmt::join(result.config.layers, " → "));
    for (const auto& [key, setting] : result.config.origins)
      io.out << fmt::format("{} = {}    # {}\n", key, setting.value, setting.origin);
    return result.diagnostics.empty() ? hook::k_exit_ok : hook::k_exit_rejected;
  }
  io.err << "custody config: expected `check [FILE]` or `show`\n" << k_help;
  return hook::k_exit_usage;
}

} // namespace custody::cli
