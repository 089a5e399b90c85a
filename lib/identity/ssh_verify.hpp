#pragma once
// Checking SSH signatures (git's gpg.format=ssh) against the identity registry's keys, exactly as
// git does with gpg.ssh.allowedSignersFile: an allowed-signers file written from [[people]]
// ssh_keys (namespace "git"), then `ssh-keygen -Y find-principals` and `ssh-keygen -Y verify`.
// No network, no agent, no user configuration. Files live in a private temporary directory
// removed with the verifier. Results are cached per signature.
#include "identity/registry.hpp"

#include <map>
#include <string>
#include <string_view>

namespace custody::identity {

class SshVerifier {
public:
  explicit SshVerifier(const Registry& registry) : m_registry(registry) {}
  ~SshVerifier();
  SshVerifier(const SshVerifier&) = delete;
  SshVerifier& operator=(const SshVerifier&) = delete;

  // True if the registry holds any SSH key (otherwise nothing can verify).
  bool enabled() const;
  // The registered person whose key made `signature` (an armored SSH signature, namespace
  // "git") over `payload`, or "" when it is not valid, not SSH, or by an unregistered key.
  std::string signer(std::string_view payload, std::string_view signature);

private:
  bool prepare();
  std::string verify(std::string_view payload, std::string_view signature);

  const Registry& m_registry;
  bool m_prepared = false; // prepare() ran (a failed one is not retried)
  std::string m_dir;       // the private directory; empty when preparing failed
  std::map<std::string, std::string> m_cache;
};

} // namespace custody::identity
