#pragma once
// SHA-256 via OpenSSL (uses SHA-NI/AVX2 where the CPU has them; a hand-written SHA-256 would be
// slower and one more thing to get wrong).
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace custody::util {

using Sha256Digest = std::array<uint8_t, 32>;

Sha256Digest sha256(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string to_hex(const uint8_t* data, size_t size);
// Writes 2 * size hex digits to `out`.
void to_hex(const uint8_t* data, size_t size, char* out);

// Incremental hashing, for content that arrives in pieces; reset() reuses the context, which
// matters when hashing many short records.
class Sha256 {
public:
  Sha256();
  void reset();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  Sha256Digest finish();

private:
  struct Context; // OpenSSL's SHA256_CTX, kept opaque so OpenSSL headers stay out of ours
  std::unique_ptr<Context> m_ctx;
};

} // namespace custody::util
