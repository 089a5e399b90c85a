#include "util/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace custody::util {

namespace {
const EVP_MD* sha256_md();
}

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new()) {
  if (!m_ctx || EVP_DigestInit_ex2(static_cast<EVP_MD_CTX*>(m_ctx), sha256_md(), nullptr) != 1)
    throw std::runtime_error("OpenSSL: cannot initialise SHA-256");
}

void Sha256::reset() {
  if (EVP_DigestInit_ex2(static_cast<EVP_MD_CTX*>(m_ctx), sha256_md(), nullptr) != 1)
    throw std::runtime_error("OpenSSL: cannot initialise SHA-256");
}

Sha256::~Sha256() {
  EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(m_ctx));
}

void Sha256::update(std::string_view data) {
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(m_ctx), data.data(), data.size());
}

Sha256Digest Sha256::finish() {
  Sha256Digest digest{};
  unsigned int len = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(m_ctx), digest.data(), &len);
  return digest;
}

namespace {

// OpenSSL 3 looks an algorithm up in its provider tables on every implicit use (EVP_sha256() in
// EVP_Digest); fetch it once per process and reuse one context per thread, so hashing a short
// ledger record costs the hash, not the lookup.
const EVP_MD* sha256_md() {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

struct ThreadContext {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~ThreadContext() { EVP_MD_CTX_free(ctx); }
};

} // namespace

Sha256Digest sha256(std::string_view data) {
  thread_local ThreadContext context;
  Sha256Digest digest{};
  unsigned int len = 0;
  const EVP_MD* md = sha256_md();
  if (!md || !context.ctx || EVP_DigestInit_ex2(context.ctx, md, nullptr) != 1 ||
      EVP_DigestUpdate(context.ctx, data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(context.ctx, digest.data(), &len) != 1)
    throw std::runtime_error("OpenSSL: SHA-256 failed");
  return digest;
}

void to_hex(const uint8_t* data, size_t size, char* out) {
  static constexpr char k_digits[] = "0123456789abcdef";
  for (size_t i = 0; i < size; ++i) {
    out[2 * i] = k_digits[data[i] >> 4];
    out[2 * i + 1] = k_digits[data[i] & 0xF];
  }
}

std::string to_hex(const uint8_t* data, size_t size) {
  std::string out(size * 2, '0');
  to_hex(data, size, out.data());
  return out;
}

std::string sha256_hex(std::string_view data) {
  auto d = sha256(data);
  return to_hex(d.data(), d.size());
}

} // namespace custody::util
