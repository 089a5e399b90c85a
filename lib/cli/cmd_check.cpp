// custody check: a dry run over existing history (check_dry_run.hpp), or the mirror check
// (--since-last, check_mirror.hpp). Both judge with the push pipeline.
#include "cli/args.hpp"
#include "cli/check_dry_run.hpp"
#include "cli/check_mirror.hpp"
#include "cli/command.hpp"
#include "hook/exit_code.hpp"

#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help =
    R"(usage: custody check --repo PATH [--ref REF] [RANGE...] [--format text|json]
       custody check --repo PATH --since-last [--enforce]

Dry run (the first form): judges commits already in the repository against the effective
rulesets, with every check of the pre-receive hook (ref rules, trailer schema, push rules, secret
scanning), as if each RANGE were pushed to REF. Nothing moves; nothing is recorded.

  --repo PATH      the repository
  --ref REF        the ref the commits are judged as, which decides the rulesets that apply
                   (default: the branch HEAD names; "main" means refs/heads/main)
  RANGE            A..B: REF moving from A to B (the commits B has and A lacks);
                   B: REF created at B (all of B's history). Default: REF's whole history.
                   Each range is judged on its own.
  --format FORMAT  text (default) or json

Mirror check (--since-last): checks every ref update in the repository (typically a bare mirror
kept up to date with `git fetch` / `git remote update`, which run no pre-receive hook) since the
last checked state, with the same checks as the pre-receive hook. The objects are already in the
repository: there is no quarantine, so a violation is reported (and, with --enforce, undone),
not prevented.

Each decision is appended to the ledger, followed by a "mirror-state" record holding the refs
now accepted as good: a ref whose update violated policy keeps its last good value there, so the
violation is reported again by every run until it is fixed. The first run records the current
refs as the baseline and checks nothing.

  --since-last   check the updates since the last recorded state
  --enforce      also move each offending ref back to its last good value (delete it if it
                 was created; recreate it if it was deleted); refs that moved meanwhile are
                 left alone and reported

Exit status: 0 nothing to report, 1 something would be refused (dry run) or violations (mirror
check, even when --enforce restored them), 2 the check could not run (configuration, ledger,
repository, revisions), 129 usage.
)";

int usage(hook::Io& io, const char* message) {
  io.err << "custody check: " << message << "\n" << k_help;
  return hook::k_exit_usage;
}

} // namespace

int cmd_check(const Args& args, hook::Io& io) {
  int exit_code = hook::k_exit_ok;
  auto parsed = parse_command_line("check", args,
                                   {{"--repo", true},
                                    {"--since-last", false},
                                    {"--enforce", false},
                                    {"--ref", true},
                                    {"--format", true}},
                                   k_help, io, exit_code);
  if (!parsed)
    return exit_code;
  auto repo = parsed->value("--repo");
  if (!repo)
    return usage(io, "--repo PATH is required");
  if (parsed->has("--since-last")) {
    if (parsed->has("--ref") || parsed->has("--format") || !parsed->positional().empty())
      return usage(io, "--since-last takes no --ref, --format or RANGE");
    return check_mirror(*repo, parsed->has("--enforce") ? Enforce::yes : Enforce::no, io);
  }
  if (parsed->has("--enforce"))
    return usage(io, "--enforce needs --since-last (a dry run changes nothing)");
  DryRunOptions options{*repo, parsed->value("--ref"), parsed->positional(), Format::text};
  if (auto format = parsed->value("--format")) {
    if (*format != "text" && *format != "json")
      return usage(io, "--format is text or json");
    options.format = *format == "json" ? Format::json : Format::text;
  }
  return check_dry_run(options, io);
}

} // namespace custody::cli
