#include "ledger/line_hasher.hpp"

#include "ledger/record_line.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace custody::ledger {

LineHasher::LineHasher() : m_ctx(EVP_MD_CTX_new()), m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr)) {
  if (!m_ctx || !m_md)
    throw std::runtime_error("OpenSSL: cannot initialise SHA-256");
}

LineHasher::~LineHasher() {
  EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(m_ctx));
  EVP_MD_free(static_cast<EVP_MD*>(m_md));
}

void LineHasher::hash_without_suffix(std::string_view line, char* out) {
  auto* ctx = static_cast<EVP_MD_CTX*>(m_ctx);
  unsigned char digest[32];
  unsigned int size = 0;
  if (EVP_DigestInit_ex(ctx, static_cast<EVP_MD*>(m_md), nullptr) != 1 ||
      EVP_DigestUpdate(ctx, line.data(), line.size() - k_hash_suffix_size) != 1 ||
      EVP_DigestUpdate(ctx, "}", 1) != 1 || EVP_DigestFinal_ex(ctx, digest, &size) != 1)
    throw std::runtime_error("OpenSSL: SHA-256 failed");
  static constexpr char k_digits[] = "0123456789abcdef";
  for (unsigned i = 0; i < 32; ++i) {
    out[2 * i] = k_digits[digest[i] >> 4];
    out[2 * i + 1] = k_digits[digest[i] & 0xF];
  }
}

std::string LineHasher::hash_without_suffix(std::string_view line) {
  std::string out(k_hash_hex_size, '0');
  hash_without_suffix(line, out.data());
  return out;
}

} // namespace custody::ledger
