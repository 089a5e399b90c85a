// custody install: put custody's hook where the host runs it, leaving the host's own hooks alone.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "cli/install_paths.hpp"
#include "cli/install_plan.hpp"
#include "git/repo.hpp"
#include "hook/exit_code.hpp"
#include "install/hook_installer.hpp"

#include <fmt/format.h>

#include <fstream>
#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help =
    R"(usage: custody install MODE [--hook NAME] [--force] [--no-outcomes]

Installs custody's hook where git (or the git host) runs it. Modes:

  --repo PATH             one repository's hooks directory (core.hooksPath if set):
                          bare: pre-receive (default) or --hook update; work tree: commit-msg
  --gitea ROOT            Gitea/Forgejo: ROOT is one <repo>.git or the repository root
                          ([repository] ROOT); installs <repo>.git/hooks/pre-receive.d/custody,
                          run by Gitea's own hooks/pre-receive wrapper after Gitea's checks
  --gitlab ROOT           GitLab/Gitaly: one <repo>.git or a storage path (hashed repos found
                          below it); installs <repo>.git/custom_hooks/pre-receive.d/custody
  --gitlab-global DIR     GitLab: Gitaly's custom_hooks_dir; installs DIR/pre-receive.d/custody
                          (every repository on the node)
  --gitolite LOCAL_CODE   gitolite: $LOCAL_CODE/hooks/common/pre-receive (then run
                          `gitolite setup --hooks-only`); with --repo-specific,
                          $LOCAL_CODE/hooks/repo-specific/custody-pre-receive for
                          `option hook.pre-receive = custody-pre-receive`. gitolite's update hook
                          is never replaced (for a VREF see docs/hosts/gitolite.md)
  --rsyslog HOST:PORT     write rsyslog's sending side instead (docs/estate.md): imfile tails
                          every ledger (--ledger-glob, default /srv/git/*/custody/ledger*.jsonl)
                          and omrelp ships each record through a disk-assisted queue; the file
                          is --rsyslog-conf (default /etc/rsyslog.d/60-custody.conf)
  --hooks-path DIR        a core.hooksPath directory: commit-msg by default (developer
                          machines), or --hook pre-receive for a server-wide hooks directory

The hook is a symlink to custody's executable, so upgrading custody upgrades every repository.
An existing file of the same name that is not custody's is never replaced unless --force is
given; it is then moved aside as <name>.pre-custody. Installing again changes nothing.
For bare repositories (--repo) it also sets receive.advertisePushOptions=true, so
`git push -o ...` options reach the hook, and receive.certNonceSeed (unless set), so pushers can
sign pushes with `git push --signed` (docs/review-assurance.md). `custody uninstall` with the same options undoes it;
`custody doctor --repo PATH` checks the result.
With pre-receive or update, custody's post-receive is installed beside it (hooks/post-receive,
or post-receive.d/custody): it records in the ledger which refs the push actually moved, since
the host can still refuse a ref custody accepted (docs/ledger.md, "Outcomes"). A foreign
post-receive is never replaced, not even with --force: install then says so and goes on.

options:
  --hook NAME       pre-receive, update, post-receive or commit-msg
  --force           move a foreign file aside instead of refusing
  --repo-specific   with --gitolite: a repo-specific hook instead of a common one
  --no-outcomes     do not install post-receive (the ledger then records decisions only)
)";

void report(std::ostream& out, const install::InstallResult& result, const std::string& hook,
            const std::filesystem::path& binary) {
  switch (result.outcome) {
  case install::Outcome::already_installed:
    out << fmt::format("custody {} is already installed in {}\n", hook, result.hook_path.string());
    return;
  case install::Outcome::replaced_foreign:
    out << fmt::format("moved the existing {} aside to {} (custody does not run it)\n",
                       result.hook_path.string(), result.backup_path.string());
    break;
  default:
    break;
  }
  out << fmt::format("installed custody {} in {} -> {}\n", hook, result.hook_path.string(),
                     binary.string());
}

// Push certificates (git push --signed) need a nonce seed; an existing one is kept. True if set.
bool enable_push_certificates(git::Repo& repo) {
  if (repo.config_string("receive.certNonceSeed"))
    return false;
  std::ifstream random("/dev/urandom", std::ios::binary);
  unsigned char bytes[32] = {};
  if (!random.read(reinterpret_cast<char*>(bytes), sizeof bytes))
    return false;
  std::string seed;
  for (unsigned char b : bytes)
    seed += fmt::format("{:02x}", b);
  return repo.set_config_string("receive.certNonceSeed", seed).ok();
}

// The sending side of shipping (docs/estate.md): rsyslog tails every ledger file with imfile and
// forwards each line, as written, over RELP through a disk-assisted queue.
std::string rsyslog_sender_config(const std::string& host, const std::string& port,
                                  const std::string& glob) {
  return fmt::format(
      R"(# custody: ship every ledger record to the collector {0}:{1} (docs/estate.md).
# Written by `custody install --rsyslog`; installing again rewrites it.
global(maxMessageSize="1m")
module(load="imfile" mode="inotify")
module(load="omrelp")
input(type="imfile" file="{2}" tag="custody-ledger:" ruleset="custody_ship"
      freshStartTail="off" reopenOnTruncate="on" persistStateInterval="1")
ruleset(name="custody_ship") {{
  action(type="omrelp" target="{0}" port="{1}" template="RSYSLOG_ForwardFormat"
         queue.type="LinkedList" queue.filename="custody_ship" queue.saveOnShutdown="on"
         queue.maxDiskSpace="4g" queue.checkpointInterval="1" queue.syncQueueFiles="on"
         action.resumeRetryCount="-1" action.resumeInterval="1")
  stop
}}
)",
      host, port, glob);
}

int install_rsyslog(const ParsedArgs& parsed, hook::Io& io) {
  const std::string target = *parsed.value("--rsyslog");
  auto colon = target.rfind(':');
  std::string port = colon == std::string::npos ? "" : target.substr(colon + 1);
  if (colon == std::string::npos || colon == 0 || port.empty() ||
      port.find_first_not_of("0123456789") != std::string::npos ||
      target.find_first_of("\"\n ") != std::string::npos) {
    print_command_error(io.err, "install",
                        make_error(ErrorCode::invalid_input,
                                   fmt::format("--rsyslog '{}' is not HOST:PORT", target),
                                   "e.g. --rsyslog collector.example.org:2514"));
    return hook::k_exit_usage;
  }
  std::string glob = parsed.value("--ledger-glob").value_or("/srv/git/*/custody/ledger*.jsonl");
  if (glob.find_first_of("\"\n") != std::string::npos) {
    print_command_error(io.err, "install",
                        make_error(ErrorCode::invalid_input, "--ledger-glob has a quote"));
    return hook::k_exit_usage;
  }
  std::filesystem::path conf =
      parsed.value("--rsyslog-conf").value_or("/etc/rsyslog.d/60-custody.conf");
  std::ofstream out(conf, std::ios::trunc);
  out << rsyslog_sender_config(target.substr(0, colon), port, glob);
  out.close();
  if (!out) {
    print_command_error(io.err, "install",
                        make_error(ErrorCode::io_failure,
                                   fmt::format("cannot write {}", conf.string()),
                                   "run as root, or pass --rsyslog-conf FILE"));
    return hook::k_exit_internal_error;
  }
  io.out << fmt::format("wrote {}: ledgers matching {} are shipped to {} over RELP; restart "
                        "rsyslog (systemctl restart rsyslog)\n",
                        conf.string(), glob, target);
  return hook::k_exit_ok;
}

} // namespace

int cmd_install(const Args& args, hook::Io& io) {
  int exit_code = hook::k_exit_ok;
  auto parsed = parse_command_line("install", args, install_option_specs(), k_help, io, exit_code);
  if (!parsed)
    return exit_code;
  if (parsed->has("--rsyslog"))
    return install_rsyslog(*parsed, io);
  auto plan = make_install_plan(*parsed);
  if (!plan) {
    print_command_error(io.err, "install", plan.error());
    return plan.error().code == ErrorCode::invalid_input ? hook::k_exit_usage
                                                         : hook::k_exit_internal_error;
  }
  auto binary = hook_binary(io.env, plan->hook);
  if (!binary) {
    print_command_error(io.err, "install", binary.error());
    return hook::k_exit_internal_error;
  }
  const auto force = parsed->has("--force") ? install::Force::yes : install::Force::no;
  int failures = 0;
  for (const auto& target : plan->targets) {
    auto result = install::install_hook(target.dir, target.name, *binary, force);
    if (!result) {
      print_command_error(io.err, "install", result.error());
      ++failures;
      continue;
    }
    report(io.out, *result, plan->hook, *binary);
  }
  for (const auto& target : plan->outcome_targets) {
    auto outcome_binary = hook_binary(io.env, target.hook);
    auto result = outcome_binary ? install::install_hook(target.dir, target.name, *outcome_binary,
                                                         install::Force::no)
                                 : Result<install::InstallResult>(outcome_binary.error());
    if (!result) {
      // Never fail (nor clobber) for post-receive: the gate is pre-receive.
      io.out << fmt::format("note: post-receive not installed ({}); the ledger will record "
                            "decisions but not which refs moved (docs/ledger.md, \"Outcomes\")\n",
                            result.error().message);
      continue;
    }
    report(io.out, *result, target.hook, *outcome_binary);
  }
  for (const auto& dir : plan->bare_repos) {
    auto repo = git::Repo::open(dir);
    auto set =
        repo ? repo->set_config_bool("receive.advertisePushOptions", true) : Status(repo.error());
    if (!set) {
      io.err << "custody install: " << set.error().message << "\n";
      ++failures;
      continue;
    }
    io.out << "set receive.advertisePushOptions=true so push options reach the hook\n";
    if (enable_push_certificates(*repo))
      io.out << "set receive.certNonceSeed so pushers can sign pushes (git push --signed)\n";
  }
  for (const auto& note : plan->notes)
    io.out << note << "\n";
  if (plan->hook == "update")
    io.out << "note: the update hook runs after git has stored the pushed objects, so a rejected "
              "push still leaves its blobs on the server; pre-receive does not (prefer it wherever "
              "secret scanning matters)\n";
  if (failures)
    io.err << fmt::format("custody install: {} of {} installations failed\n", failures,
                          plan->targets.size());
  return failures ? hook::k_exit_internal_error : hook::k_exit_ok;
}

} // namespace custody::cli
