// SSH signature checks against the registry; see ssh_verify.hpp.
#include "identity/ssh_verify.hpp"

#include "util/process.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <sstream>

namespace custody::identity {

bool SshVerifier::enabled() const {
  for (const auto& p : m_registry.people)
    if (!p.ssh_keys.empty())
      return true;
  return false;
}

// The allowed-signers file: one line per key, the principal being the person's index.
bool SshVerifier::prepare() {
  if (m_dir)
    return m_ready;
  m_dir.emplace("custody-ssh");
  std::string lines;
  for (size_t i = 0; i < m_registry.people.size(); ++i)
    for (const auto& key : m_registry.people[i].ssh_keys)
      if (ssh_key_problem(key).empty())
        lines += fmt::format("p{} namespaces=\"git\" {}\n", i, ssh_key_core(key));
  m_ready = m_dir->write("allowed_signers", lines);
  return m_ready;
}

std::string SshVerifier::signer(std::string_view payload, std::string_view signature) {
  if (!enabled() || !prepare())
    return "";
  const std::string allowed = m_dir->path() + "/allowed_signers";
  const std::string sig = m_dir->path() + "/signature";
  const std::string data = m_dir->path() + "/payload";
  if (!m_dir->write("signature", signature) || !m_dir->write("payload", payload))
    return "";
  auto found = util::run_process({"ssh-keygen", "-Y", "find-principals", "-s", sig, "-f", allowed});
  if (!found || found->exit_code != 0)
    return "";
  std::istringstream principals(found->out);
  for (std::string principal; std::getline(principals, principal);) {
    if (principal.size() < 2 || principal[0] != 'p')
      continue;
    auto verified = util::run_process(
        {"ssh-keygen", "-Y", "verify", "-f", allowed, "-I", principal, "-n", "git", "-s", sig},
        data);
    if (!verified || verified->exit_code != 0)
      continue;
    const size_t index = std::strtoul(principal.c_str() + 1, nullptr, 10);
    if (index < m_registry.people.size())
      return m_registry.people[index].name;
  }
  return "";
}

} // namespace custody::identity
