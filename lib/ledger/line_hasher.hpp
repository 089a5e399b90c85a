#pragma once
// SHA-256 of a ledger line minus its hash member, with one reusable OpenSSL context: creating
// and fetching a digest context per line would cost more than hashing a typical record.
#include <string>
#include <string_view>

namespace custody::ledger {

class LineHasher {
public:
  LineHasher();
  ~LineHasher();
  LineHasher(const LineHasher&) = delete;
  LineHasher& operator=(const LineHasher&) = delete;

  // SHA-256 hex of line[0, size - k_hash_suffix_size) + "}".
  std::string hash_without_suffix(std::string_view line);
  // Writes the same digest as hex into `out` (64 chars); avoids an allocation per line.
  void hash_without_suffix(std::string_view line, char* out);

private:
  void* m_ctx; // EVP_MD_CTX*
  void* m_md;  // EVP_MD*
};

} // namespace custody::ledger
