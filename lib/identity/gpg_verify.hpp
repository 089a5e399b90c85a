#pragma once
// Checking OpenPGP signatures (git's default gpg.format=openpgp) with the real `gpg`, offline:
// the public keys come only from [signing] gpg_keyring, imported into a private temporary
// GnuPG home (removed with the verifier); never a keyserver, the network or the user's home.
// A signature counts when gpg reports exactly one good signature (identity/gpg_status.hpp) whose
// signing-key or primary-key fingerprint is registered to a person in [[people]]
// gpg_fingerprints. Any gpg failure: not verified. Used through identity/signature_verify.hpp.
#include "identity/registry.hpp"
#include "util/temp_dir.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace custody::identity {

class GpgVerifier {
public:
  GpgVerifier(const Registry& registry, std::string keyring)
      : m_registry(registry), m_keyring(std::move(keyring)) {}

  // True if a keyring is configured and someone registered a fingerprint.
  bool enabled() const;
  // The registered person whose key made `signature` (an armored OpenPGP signature) over
  // `payload`, or "" when it is not a good signature by a registered fingerprint.
  std::string signer(std::string_view payload, std::string_view signature);
  // The person `fingerprint` (either form) is registered to, or "".
  std::string person_of(const std::string& fingerprint) const;

private:
  bool prepare();

  const Registry& m_registry;
  std::string m_keyring;
  std::optional<util::TempDir> m_home; // made by prepare(); a failed one is not retried
  bool m_ready = false;
};

// gpg's options that keep it offline and out of every home but `home`.
std::vector<std::string> gpg_command(const std::string& home);
// The fingerprints (primary keys and subkeys, uppercase) of the keys in `keyring`, read with
// `gpg --show-keys` (nothing imported); nullopt when gpg cannot read it.
std::optional<std::vector<std::string>> keyring_fingerprints(const std::string& keyring);

} // namespace custody::identity
