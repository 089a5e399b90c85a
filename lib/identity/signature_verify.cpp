// SignatureVerifier; see signature_verify.hpp.
#include "identity/signature_verify.hpp"

#include "identity/signing_config.hpp"

#include <array>
#include <utility>

namespace custody::identity {

namespace {

constexpr std::array<std::pair<std::string_view, SignatureFormat>, 3> k_armors = {{
    {"-----BEGIN SSH SIGNATURE-----", SignatureFormat::ssh},
    {"-----BEGIN PGP SIGNATURE-----", SignatureFormat::openpgp},
    {"-----BEGIN SIGNED MESSAGE-----", SignatureFormat::none}, // X.509 (gpgsm): not verified
}};

} // namespace

SignatureFormat signature_format(std::string_view signature) {
  for (const auto& [armor, format] : k_armors)
    if (signature.starts_with(armor))
      return format;
  return SignatureFormat::none;
}

size_t signature_start(std::string_view text) {
  size_t start = std::string_view::npos;
  for (size_t line = 0; line < text.size();) {
    for (const auto& armor : k_armors)
      if (text.substr(line).starts_with(armor.first))
        start = line;
    const size_t eol = text.find('\n', line);
    if (eol == std::string_view::npos)
      break;
    line = eol + 1;
  }
  return start;
}

SignatureVerifier::SignatureVerifier(const config::Config& config)
    : m_ssh(config.get<Registry>()),
      m_gpg(config.get<Registry>(), config.get<SigningConfig>().gpg_keyring) {}

std::string SignatureVerifier::signer(std::string_view payload, std::string_view signature) {
  const SignatureFormat format = signature_format(signature);
  if (format == SignatureFormat::none)
    return "";
  std::string key = std::string(signature) + '\0' + std::string(payload);
  if (auto it = m_cache.find(key); it != m_cache.end())
    return it->second;
  std::string who = format == SignatureFormat::ssh ? m_ssh.signer(payload, signature)
                                                   : m_gpg.signer(payload, signature);
  m_cache.emplace(std::move(key), who);
  return who;
}

} // namespace custody::identity
