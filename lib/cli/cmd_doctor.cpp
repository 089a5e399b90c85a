// custody doctor: checks an installation and prints what to fix; exit 1 when anything would
// make the hooks fail open or refuse every push.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "cli/doctor.hpp"
#include "hook/exit_code.hpp"
#include "report/estate.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help = R"(usage: custody doctor --repo PATH
       custody doctor --root DIR

Checks a repository's custody installation and prints what to fix:
  - custody's hooks are where git or the host runs them (hooks/, core.hooksPath, Gitea's
    hooks/<hook>.d/ with Gitea's wrapper, GitLab's custom_hooks/) and are executable: git skips
    a hook that is not executable, which accepts pushes unchecked (fails open);
  - the configuration is valid; the ledger is writable (run it as the server's hook user);
  - receive.advertisePushOptions is true; git is recent enough;
  - a warning when only the update hook is installed (a refused secret stays on disk).
With --root, checks every git repository under DIR (bare or not) and lists each one that is not
guarded (any problem above), e.g. a repository created after a per-repository install.
Exit status: 0 when nothing needs fixing (warnings allowed), 1 otherwise.
)";

int doctor_root(const std::filesystem::path& root, hook::Io& io) {
  size_t total = 0, unguarded = 0;
  for (const auto& git_dir : report::git_dirs_under(root)) {
    ++total;
    std::filesystem::path repo = git_dir.filename() == ".git" ? git_dir.parent_path() : git_dir;
    std::string first;
    for (const auto& f : run_doctor(repo, io.env))
      if (f.severity == Severity::problem && first.empty())
        first = f.what;
    if (first.empty())
      continue;
    ++unguarded;
    io.out << fmt::format("  NOT GUARDED  {}: {}\n", repo.string(), first);
  }
  io.out << fmt::format("{} of {} repositories under {} are not guarded\n", unguarded, total,
                        root.string());
  return unguarded ? hook::k_exit_rejected : hook::k_exit_ok;
}

} // namespace

int cmd_doctor(const Args& args, hook::Io& io) {
  int exit_code = hook::k_exit_ok;
  auto parsed = parse_command_line("doctor", args, {{"--repo", true}, {"--root", true}}, k_help, io,
                                   exit_code);
  if (!parsed)
    return exit_code;
  if (auto root = parsed->value("--root"))
    return doctor_root(*root, io);
  auto repo = parsed->value("--repo");
  if (!repo) {
    io.err << "custody doctor: --repo PATH is required\n" << k_help;
    return hook::k_exit_usage;
  }
  int problems = 0, warnings = 0;
  io.out << fmt::format("custody doctor: {}\n", *repo);
  for (const auto& f : run_doctor(*repo, io.env)) {
    const char* tag = f.severity == Severity::ok        ? "ok  "
                      : f.severity == Severity::warning ? "warn"
                                                        : "FAIL";
    problems += f.severity == Severity::problem;
    warnings += f.severity == Severity::warning;
    io.out << fmt::format("  {}  {}\n", tag, f.what);
    if (!f.fix.empty())
      io.out << fmt::format("        fix: {}\n", f.fix);
  }
  io.out << fmt::format("{} problem{}, {} warning{}\n", problems, problems == 1 ? "" : "s",
                        warnings, warnings == 1 ? "" : "s");
  return problems ? hook::k_exit_rejected : hook::k_exit_ok;
}

} // namespace custody::cli
