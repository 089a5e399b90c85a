#include "secrets/redaction.hpp"

#include "util/sha256.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace custody::secrets {

std::string redact(std::string_view secret) {
  size_t shown = std::min<size_t>(4, secret.size() / 4);
  std::string prefix;
  for (char c : secret.substr(0, shown)) {
    auto u = static_cast<unsigned char>(c);
    prefix += (u >= 0x20 && u < 0x7f) ? std::string(1, c) : fmt::format("\\x{:02x}", u);
  }
  return prefix + "…";
}

std::string fingerprint(std::string_view rule_id, std::string_view secret, std::string_view key) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), mac, &size);
  return fmt::format("{}:{}", rule_id, util::to_hex(mac, size).substr(0, 20));
}

} // namespace custody::secrets
