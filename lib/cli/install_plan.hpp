#pragma once
// Turning `custody install`/`uninstall` options into the places hooks go. Both commands share
// this, so uninstall removes exactly what the same options installed.
#include "cli/args.hpp"
#include "install/host_layout.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace custody::cli {

struct InstallPlan {
  install::Host host = install::Host::plain;
  std::string hook;                         // pre-receive, update, post-receive or commit-msg
  std::vector<install::HookTarget> targets; // one per repository or directory
  // post-receive beside a server hook, so the ledger records which refs actually moved; a
  // foreign post-receive there is left alone (outcomes are then not recorded)
  std::vector<install::HookTarget> outcome_targets;
  std::vector<std::filesystem::path> bare_repos; // get receive.advertisePushOptions=true
  std::vector<std::string> notes;                // printed after a successful install
};

// The option specs every mode understands (for parse_args).
std::vector<OptionSpec> install_option_specs();

// The plan for the mode the options select; an error names the mistake (no mode, two modes,
// a hook the host does not allow, a root without repositories).
Result<InstallPlan> make_install_plan(const ParsedArgs& args);

} // namespace custody::cli
