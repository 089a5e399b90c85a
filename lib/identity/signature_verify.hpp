#pragma once
// The one signature check of commits, merges and push certificates: dispatches on git's armor
// ("-----BEGIN SSH SIGNATURE-----" → identity/ssh_verify.hpp, "-----BEGIN PGP SIGNATURE-----" →
// identity/gpg_verify.hpp; X.509 and anything else verify as nobody's) and names the registered
// person who made the signature. Results are cached per signature and payload.
#include "config/config.hpp"
#include "identity/gpg_verify.hpp"
#include "identity/ssh_verify.hpp"

#include <map>
#include <string>
#include <string_view>

namespace custody::identity {

enum class SignatureFormat { none, ssh, openpgp };

// The format of an armored signature, by its first line.
SignatureFormat signature_format(std::string_view signature);
// Where the signature of a signed text (a push certificate) starts: the last line that begins
// with a known armor, as git finds it; npos when there is none.
size_t signature_start(std::string_view text);

class SignatureVerifier {
public:
  // Reads the registry ([[people]]) and [signing] from `config`, which must outlive it.
  explicit SignatureVerifier(const config::Config& config);

  // True if some registered key could verify a signature of some format.
  bool enabled() const { return m_ssh.enabled() || m_gpg.enabled(); }
  // The registered person whose key made `signature` over `payload`, or "".
  std::string signer(std::string_view payload, std::string_view signature);

private:
  SshVerifier m_ssh;
  GpgVerifier m_gpg;
  std::map<std::string, std::string> m_cache;
};

} // namespace custody::identity
