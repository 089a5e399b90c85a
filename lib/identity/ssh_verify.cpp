// SSH signature checks against the registry; see ssh_verify.hpp.
#include "identity/ssh_verify.hpp"

#include "util/process.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace custody::identity {

namespace {

constexpr std::string_view k_ssh_armor = "-----BEGIN SSH SIGNATURE-----";

bool write_file(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return static_cast<bool>(out);
}

} // namespace

SshVerifier::~SshVerifier() {
  if (!m_dir.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
  }
}

bool SshVerifier::enabled() const {
  for (const auto& p : m_registry.people)
    if (!p.ssh_keys.empty())
      return true;
  return false;
}

// The allowed-signers file: one line per key, the principal being the person's index.
bool SshVerifier::prepare() {
  if (m_prepared)
    return !m_dir.empty();
  m_prepared = true;
  const char* tmp = std::getenv("TMPDIR");
  std::string templ = fmt::format("{}/custody-ssh-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!::mkdtemp(templ.data()))
    return false;
  m_dir = templ;
  std::string lines;
  for (size_t i = 0; i < m_registry.people.size(); ++i)
    for (const auto& key : m_registry.people[i].ssh_keys)
      if (ssh_key_problem(key).empty())
        lines += fmt::format("p{} namespaces=\"git\" {}\n", i, ssh_key_core(key));
  return write_file(m_dir + "/allowed_signers", lines);
}

std::string SshVerifier::signer(std::string_view payload, std::string_view signature) {
  if (signature.substr(0, k_ssh_armor.size()) != k_ssh_armor || !enabled() || !prepare())
    return "";
  std::string key = std::string(signature) + '\0' + std::string(payload);
  if (auto it = m_cache.find(key); it != m_cache.end())
    return it->second;
  std::string who = verify(payload, signature);
  m_cache.emplace(std::move(key), who);
  return who;
}

std::string SshVerifier::verify(std::string_view payload, std::string_view signature) {
  const std::string allowed = m_dir + "/allowed_signers";
  const std::string sig = m_dir + "/signature";
  const std::string data = m_dir + "/payload";
  if (!write_file(sig, signature) || !write_file(data, payload))
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
