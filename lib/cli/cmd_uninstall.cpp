// custody uninstall: remove what `custody install` put there (given the same mode options),
// restoring any foreign hook it moved aside. Files that are not custody's are never touched.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "cli/install_plan.hpp"
#include "hook/exit_code.hpp"
#include "install/hook_installer.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help = R"(usage: custody uninstall MODE [--hook NAME]

Removes custody's hook installed by `custody install` with the same MODE (--repo PATH,
--gitea ROOT, --gitlab ROOT, --gitlab-global DIR, --gitolite LOCAL_CODE [--repo-specific],
--hooks-path DIR) and restores a hook it had moved aside (<name>.pre-custody). A file that is
not custody's is left alone. receive.advertisePushOptions is left as it is.
For gitolite, run `gitolite setup --hooks-only` afterwards and remove any
`option hook.* = custody-*` lines from gitolite.conf.
)";

} // namespace

int cmd_uninstall(const Args& args, hook::Io& io) {
  int exit_code = hook::k_exit_ok;
  auto parsed =
      parse_command_line("uninstall", args, install_option_specs(), k_help, io, exit_code);
  if (!parsed)
    return exit_code;
  auto plan = make_install_plan(*parsed);
  if (!plan) {
    io.err << "custody uninstall: " << plan.error().message << "\n";
    return plan.error().code == ErrorCode::invalid_input ? hook::k_exit_usage
                                                         : hook::k_exit_internal_error;
  }
  int failures = 0;
  for (const auto& target : plan->targets) {
    const auto path = target.dir / target.name;
    auto removed = install::uninstall_hook(target.dir, target.name);
    if (!removed) {
      io.err << "custody uninstall: " << removed.error().message << "\n";
      ++failures;
    } else if (*removed) {
      io.out << fmt::format("removed custody {} from {}\n", plan->hook, path.string());
    } else {
      io.out << fmt::format("no custody hook at {}; left as it is\n", path.string());
    }
  }
  // post-receive only when it is ours (uninstall_hook leaves a foreign one alone), silently
  for (const auto& target : plan->outcome_targets) {
    auto removed = install::uninstall_hook(target.dir, target.name);
    if (removed && *removed)
      io.out << fmt::format("removed custody post-receive from {}\n",
                            (target.dir / target.name).string());
  }
  return failures ? hook::k_exit_internal_error : hook::k_exit_ok;
}

} // namespace custody::cli
