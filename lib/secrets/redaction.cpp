#include "secrets/redaction.hpp"

#include "util/sha256.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

namespace custody::secrets {

std::string redact(std::string_view secret) {
  size_t shown = std::min<size_t>(4, secret.size() / 4);
  std::string prefix;
  for (char c : secret.substr(0, shown)) {
    auto u = static_cast<unsigned char>(c);
    prefix += (u >= 0x20 && u < 0x7f) ? std::string(1, c) : fmt::format("\\x{:02x}", u);
  }
  return fmt::format("{}…({} chars)", prefix, secret.size());
}

std::string fingerprint(std::string_view rule_id, std::string_view secret) {
  return fmt::format("{}:{}", rule_id, util::sha256_hex(secret).substr(0, 20));
}

} // namespace custody::secrets
