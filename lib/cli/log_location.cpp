#include "cli/log_location.hpp"

#include "config/loader.hpp"
#include "git/repo.hpp"
#include "hook/record.hpp"
#include "ledger/location.hpp"

#include <fmt/format.h>

namespace custody::cli {

std::filesystem::path cli_path(const std::string& value, const hook::Io& io) {
  std::filesystem::path p(value);
  return (p.is_relative() ? io.cwd / p : p).lexically_normal();
}

Result<ledger::LedgerOptions> locate_ledger(const ParsedArgs& args, const hook::Io& io) {
  if (auto path = args.value("--ledger")) {
    ledger::LedgerOptions options;
    options.path = cli_path(*path, io);
    if (auto head = args.value("--head-file"))
      options.head_file = cli_path(*head, io);
    return options;
  }
  std::filesystem::path where = args.value("--repo") ? cli_path(*args.value("--repo"), io) : io.cwd;
  auto repo = git::Repo::open(where);
  if (!repo)
    return make_error(ErrorCode::not_found,
                      fmt::format("no repository at {} to find a ledger in", where.string()),
                      "pass --ledger PATH (the ledger file) or --repo PATH (the repository)");
  auto loaded = config::load_config(config::load_options_from_env(io.env, repo->git_dir()));
  if (!loaded.diagnostics.empty())
    return make_error(
        ErrorCode::invalid_config,
        fmt::format("the configuration is invalid: {}", loaded.diagnostics.front().to_string()),
        "run `custody config check`, or pass --ledger PATH");
  return hook::ledger_options(loaded.config, repo->git_dir(), io.env);
}

} // namespace custody::cli
