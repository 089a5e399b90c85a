#include "util/sha256.hpp"

// OpenSSL 3 deprecates the SHA256_* functions in favour of EVP, but EVP's first use loads the
// provider tables: 4.3M instructions, 40% of a whole pre-receive run (callgrind). SHA256_* call
// the same assembly (SHA-NI where the CPU has it) with no set-up.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

namespace custody::util {

struct Sha256::Context {
  SHA256_CTX ctx;
};

Sha256::Sha256() : m_ctx(std::make_unique<Context>()) {
  reset();
}

Sha256::~Sha256() = default;

void Sha256::reset() {
  SHA256_Init(&m_ctx->ctx);
}

void Sha256::update(std::string_view data) {
  SHA256_Update(&m_ctx->ctx, data.data(), data.size());
}

Sha256Digest Sha256::finish() {
  Sha256Digest digest{};
  SHA256_Final(digest.data(), &m_ctx->ctx);
  return digest;
}

// Not OpenSSL's one-shot SHA256(), which goes through EVP.
Sha256Digest sha256(std::string_view data) {
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  SHA256_Update(&ctx, data.data(), data.size());
  Sha256Digest digest{};
  SHA256_Final(digest.data(), &ctx);
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
