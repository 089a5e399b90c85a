// OpenPGP signature checks against the registry; see gpg_verify.hpp.
#include "identity/gpg_verify.hpp"

#include "identity/gpg_status.hpp"
#include "util/process.hpp"

#include <sstream>

namespace custody::identity {

std::vector<std::string> gpg_command(const std::string& home) {
  // --no-autostart: no agent or dirmngr (no network); the key-retrieval options keep a
  // signature's issuer from being fetched or imported from the signature itself.
  return {"gpg",
          "--homedir",
          home,
          "--no-options",
          "--batch",
          "--no-tty",
          "--no-autostart",
          "--no-auto-key-retrieve",
          "--no-auto-key-locate",
          "--no-auto-key-import",
          "--no-permission-warning",
          "--trust-model",
          "always"};
}

std::optional<std::vector<std::string>> keyring_fingerprints(const std::string& keyring) {
  util::TempDir home("custody-gpg");
  if (home.path().empty())
    return std::nullopt;
  auto argv = gpg_command(home.path());
  argv.insert(argv.end(), {"--with-colons", "--show-keys", keyring});
  auto shown = util::run_process(argv);
  if (!shown || shown->exit_code != 0)
    return std::nullopt;
  // "fpr:::::::::FINGERPRINT:" lines, one after each pub and sub line.
  std::vector<std::string> fingerprints;
  std::istringstream lines(shown->out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("fpr:"))
      continue;
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string f; std::getline(split, f, ':');)
      fields.push_back(f);
    if (fields.size() > 9 && !fields[9].empty())
      fingerprints.push_back(canonical_fingerprint(fields[9]));
  }
  return fingerprints;
}

bool GpgVerifier::enabled() const {
  if (m_keyring.empty())
    return false;
  for (const auto& p : m_registry.people)
    if (!p.gpg_fingerprints.empty())
      return true;
  return false;
}

std::string GpgVerifier::person_of(const std::string& fingerprint) const {
  if (fingerprint.empty())
    return "";
  for (const auto& p : m_registry.people)
    for (const auto& f : p.gpg_fingerprints)
      if (canonical_fingerprint(f) == fingerprint)
        return p.name;
  return "";
}

bool GpgVerifier::prepare() {
  if (m_home)
    return m_ready;
  m_home.emplace("custody-gpg");
  if (m_home->path().empty())
    return false;
  auto argv = gpg_command(m_home->path());
  argv.insert(argv.end(), {"--import", m_keyring});
  auto imported = util::run_process(argv);
  m_ready = imported && imported->exit_code == 0;
  return m_ready;
}

std::string GpgVerifier::signer(std::string_view payload, std::string_view signature) {
  if (!enabled() || !prepare())
    return "";
  if (!m_home->write("signature", signature) || !m_home->write("payload", payload))
    return "";
  auto argv = gpg_command(m_home->path());
  argv.insert(argv.end(), {"--status-fd", "1", "--verify", m_home->path() + "/signature",
                           m_home->path() + "/payload"});
  auto verified = util::run_process(argv);
  if (!verified || verified->exit_code != 0)
    return "";
  const GpgVerdict verdict = parse_gpg_status(verified->out);
  if (!verdict.good)
    return "";
  if (auto who = person_of(verdict.signing_fingerprint); !who.empty())
    return who;
  return person_of(verdict.primary_fingerprint);
}

} // namespace custody::identity
