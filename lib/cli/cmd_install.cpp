// custody install: put custody's hooks into a repository.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "cli/install_paths.hpp"
#include "git/repo.hpp"
#include "hook/exit_code.hpp"
#include "install/hook_installer.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help = R"(usage: custody install --repo PATH [--hook NAME] [--force]

Installs custody's hook into one repository's hooks directory (core.hooksPath if set).

  bare repository (a server):   pre-receive by default; --hook update on request
                                 (pre-receive decides for the whole push and sees the pushed
                                 objects before git keeps them; update decides ref by ref)
  repository with a work tree:  commit-msg (the developer-side trailer check)

The hook is a symlink to custody's executable, so upgrading custody upgrades every repository.
An existing hook that is not custody's is never replaced unless --force is given; it is then
moved aside as <hook>.pre-custody. Installing again changes nothing.
For bare repositories it also sets receive.advertisePushOptions=true, so `git push -o ...`
options (such as a secret-scan bypass) reach the hook.

options:
  --repo PATH   the repository (bare, or any directory inside a work tree)
  --hook NAME   pre-receive, update or commit-msg
  --force       move a foreign hook aside instead of refusing
)";

} // namespace

int cmd_install(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {{"--repo", true}, {"--hook", true}, {"--force", false}});
  if (!parsed) {
    io.err << "custody install: " << parsed.error().message << "\n" << k_help;
    return hook::k_exit_usage;
  }
  if (parsed->has("--help")) {
    io.out << k_help;
    return hook::k_exit_ok;
  }
  auto repo_path = parsed->value("--repo");
  if (!repo_path) {
    io.err << "custody install: --repo PATH is required\n" << k_help;
    return hook::k_exit_usage;
  }
  auto repo = git::Repo::open(*repo_path);
  if (!repo) {
    io.err << "custody install: " << repo.error().message << "\n";
    return hook::k_exit_internal_error;
  }
  std::string hook =
      parsed->value("--hook").value_or(repo->is_bare() ? "pre-receive" : "commit-msg");
  if (hook != "pre-receive" && hook != "update" && hook != "commit-msg") {
    io.err << fmt::format(
        "custody install: unknown hook \"{}\"; choose pre-receive, update or commit-msg\n", hook);
    return hook::k_exit_usage;
  }
  auto binary = hook_binary(io.env, hook);
  if (!binary) {
    io.err << "custody install: " << binary.error().message << "\nhint: " << binary.error().hint
           << "\n";
    return hook::k_exit_internal_error;
  }
  auto result =
      install::install_hook(repo->hooks_dir(), hook, *binary,
                            parsed->has("--force") ? install::Force::yes : install::Force::no);
  if (!result) {
    io.err << "custody install: " << result.error().message << "\n";
    if (!result.error().hint.empty())
      io.err << "hint: " << result.error().hint << "\n";
    return hook::k_exit_internal_error;
  }
  switch (result->outcome) {
  case install::Outcome::already_installed:
    io.out << fmt::format("custody {} is already installed in {}\n", hook,
                          result->hook_path.string());
    break;
  case install::Outcome::replaced_foreign:
    io.out << fmt::format("moved the existing {} hook aside to {} (custody does not run it)\n",
                          hook, result->backup_path.string());
    [[fallthrough]];
  default:
    io.out << fmt::format("installed custody {} in {} -> {}\n", hook, result->hook_path.string(),
                          binary->string());
  }
  if (repo->is_bare() && hook != "commit-msg") {
    if (auto set = repo->set_config_bool("receive.advertisePushOptions", true); !set) {
      io.err << "custody install: " << set.error().message << "\n";
      return hook::k_exit_internal_error;
    }
    io.out << "set receive.advertisePushOptions=true so push options reach the hook\n";
  }
  if (hook == "update")
    io.out << "note: the update hook runs after git has stored the pushed objects, so a rejected "
              "push still leaves "
              "its blobs on the server; pre-receive does not (prefer it wherever secret scanning "
              "matters)\n";
  return hook::k_exit_ok;
}

} // namespace custody::cli
