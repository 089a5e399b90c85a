// custody people check: validate the identity registry ([[people]]) with the rest of the
// configuration, and summarise it.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "config/loader.hpp"
#include "git/repo.hpp"
#include "hook/exit_code.hpp"
#include "identity/agents_config.hpp"
#include "identity/gpg_verify.hpp"
#include "identity/registry.hpp"
#include "identity/signing_config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help = R"(usage: custody people check [FILE] [--repo PATH]

Validates the identity registry ([[people]]: name, kind, emails, accounts, ssh_keys,
gpg_fingerprints) together with the rest of the configuration: FILE on top of the embedded
default, or, without FILE, the chain a hook in --repo would load. Prints every problem as
FILE:LINE:COL: message (an address, account or key listed for two people; a malformed SSH key or
OpenPGP fingerprint; a missing kind) and exits 1 if there is any. Notes registered OpenPGP
fingerprints that cannot verify: no [signing] gpg_keyring, or a key missing from it.
)";

config::LoadOptions people_options(const ParsedArgs& args, const hook::Io& io) {
  const auto& pos = args.positional();
  if (pos.size() == 2) {
    config::LoadOptions options;
    options.system_file = "/nonexistent/custody.toml";
    options.explicit_file = pos[1];
    return options;
  }
  std::optional<std::filesystem::path> git_dir;
  if (auto repo = git::Repo::open(args.value("--repo").value_or(io.cwd.string())))
    git_dir = repo->git_dir();
  return config::load_options_from_env(io.env, git_dir);
}

std::string summary(const config::Config& config) {
  const auto& registry = config.get<identity::Registry>();
  size_t agents = 0, ssh = 0, gpg = 0;
  for (const auto& p : registry.people) {
    agents += p.is_agent() ? 1 : 0;
    ssh += p.ssh_keys.size();
    gpg += p.gpg_fingerprints.size();
  }
  return fmt::format("people OK: {} listed ({} human, {} agent), {} SSH key{}, {} OpenPGP "
                     "fingerprint{}; unlisted accounts are {}\n",
                     registry.people.size(), registry.people.size() - agents, agents, ssh,
                     ssh == 1 ? "" : "s", gpg, gpg == 1 ? "" : "s",
                     config.get<identity::AgentsConfig>().unlisted_are_agents
                         ? "agents ([agents] unlisted_are_agents)"
                         : "judged by the [agents] patterns");
}

// Why registered OpenPGP fingerprints would verify nothing (fail closed, but worth knowing).
std::string openpgp_notes(const config::Config& config) {
  const auto& registry = config.get<identity::Registry>();
  const std::string& keyring = config.get<identity::SigningConfig>().gpg_keyring;
  std::string notes;
  size_t registered = 0;
  for (const auto& p : registry.people)
    registered += p.gpg_fingerprints.size();
  if (registered == 0)
    return notes;
  if (keyring.empty())
    return fmt::format("note: [signing] gpg_keyring is not set, so OpenPGP signatures verify as "
                       "nobody's: export the registered keys (gpg --export --armor FINGERPRINT… "
                       "> FILE) and name FILE there\n");
  auto in_keyring = identity::keyring_fingerprints(keyring);
  if (!in_keyring)
    return fmt::format("note: gpg could not read [signing] gpg_keyring {}, so OpenPGP signatures "
                       "verify as nobody's\n",
                       keyring);
  for (const auto& p : registry.people)
    for (const auto& f : p.gpg_fingerprints) {
      const std::string fpr = identity::canonical_fingerprint(f);
      if (std::find(in_keyring->begin(), in_keyring->end(), fpr) == in_keyring->end())
        notes += fmt::format("note: {}'s OpenPGP key {} is not in [signing] gpg_keyring {}, so "
                             "its signatures verify as nobody's\n",
                             p.name, fpr, keyring);
    }
  return notes;
}

} // namespace

int cmd_people(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {{"--repo", true}});
  if (!parsed) {
    io.err << "custody people: " << parsed.error().message << "\n" << k_help;
    return hook::k_exit_usage;
  }
  const auto& pos = parsed->positional();
  if (parsed->has("--help")) {
    io.out << k_help;
    return hook::k_exit_ok;
  }
  if (pos.empty() || pos[0] != "check" || pos.size() > 2) {
    io.err << k_help;
    return hook::k_exit_usage;
  }
  auto result = config::load_config(people_options(*parsed, io));
  for (const auto& d : result.diagnostics)
    io.err << d.to_string() << "\n";
  if (!result.diagnostics.empty()) {
    io.err << fmt::format("{} problem{} found; hooks refuse every push until they are fixed\n",
                          result.diagnostics.size(), result.diagnostics.size() == 1 ? "" : "s");
    return hook::k_exit_rejected;
  }
  io.out << summary(result.config) << openpgp_notes(result.config);
  return hook::k_exit_ok;
}

} // namespace custody::cli
