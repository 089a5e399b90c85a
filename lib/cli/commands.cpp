// The command table. Add a command: write cli/cmd_<name>.cpp with `int cmd_<name>(const Args&,
// hook::Io&)`, declare it below, add one row. Keep rows in the order `custody help` shows them.
#include "cli/command.hpp"

namespace custody::cli {

int cmd_install(const Args&, hook::Io&);
int cmd_uninstall(const Args&, hook::Io&);
int cmd_doctor(const Args&, hook::Io&);
int cmd_check(const Args&, hook::Io&);
int cmd_config(const Args&, hook::Io&);
int cmd_people(const Args&, hook::Io&);
int cmd_log(const Args&, hook::Io&);
int cmd_version(const Args&, hook::Io&);
int cmd_trailers(const Args&, hook::Io&);
int cmd_check_message(const Args&, hook::Io&);
int cmd_explain(const Args&, hook::Io&);
int cmd_scan(const Args&, hook::Io&);
int cmd_evidence(const Args&, hook::Io&);

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"install", cmd_install, "install custody's hooks into a repository"},
      {"uninstall", cmd_uninstall, "remove custody's hooks (same options as install)"},
      {"doctor", cmd_doctor, "check an installation and print what to fix"},
      {"check", cmd_check,
       "judge existing commits against the rulesets (dry run), or a mirror's updates "
       "(--since-last)"},
      {"config", cmd_config, "check or show the effective configuration (config check | show)"},
      {"people", cmd_people,
       "validate the identity registry ([[people]]) with file:line errors (people check)"},
      {"log", cmd_log,
       "verify, read and report on the decision ledger (log verify | head | tail | report | sample "
       "| keygen)"},
      {"trailers", cmd_trailers,
       "print a message's trailers exactly as `git interpret-trailers --parse` does"},
      {"check-message", cmd_check_message,
       "give the commit-msg hook's verdict on a commit message file"},
      {"explain", cmd_explain, "explain a rule: what it requires and an example that passes"},
      {"evidence", cmd_evidence,
       "write the auditor's folder for a period over every ledger of an estate (evidence verify "
       "DIR checks one)"},
      {"scan", cmd_scan, "scan history for secrets (--all | RANGE...; --format text|json|sarif)"},
      {"version", cmd_version, "print custody's version and its libraries'"},
  };
  return table;
}

} // namespace custody::cli
