#pragma once
// Checking SSH signatures (git's gpg.format=ssh) against the identity registry's keys, exactly as
// git does with gpg.ssh.allowedSignersFile: an allowed-signers file written from [[people]]
// ssh_keys (namespace "git"), then `ssh-keygen -Y find-principals` and `ssh-keygen -Y verify`.
// No network, no agent, no user configuration. Files live in a private temporary directory
// removed with the verifier. Used through identity/signature_verify.hpp (which caches).
#include "identity/registry.hpp"
#include "util/temp_dir.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace custody::identity {

class SshVerifier {
public:
  explicit SshVerifier(const Registry& registry) : m_registry(registry) {}

  // True if the registry holds any SSH key (otherwise nothing can verify).
  bool enabled() const;
  // The registered person whose key made `signature` (an armored SSH signature, namespace
  // "git") over `payload`, or "" when it is not valid or by an unregistered key.
  std::string signer(std::string_view payload, std::string_view signature);

private:
  bool prepare();

  const Registry& m_registry;
  std::optional<util::TempDir> m_dir; // made by prepare(); a failed one is not retried
  bool m_ready = false;
};

} // namespace custody::identity
