#include "ledger/line_hasher.hpp"

#include "ledger/record_line.hpp"

namespace custody::ledger {

void LineHasher::hash_without_suffix(std::string_view line, char* out) {
  m_sha.reset();
  m_sha.update(line.substr(0, line.size() - k_hash_suffix_size));
  m_sha.update("}");
  auto digest = m_sha.finish();
  util::to_hex(digest.data(), digest.size(), out);
}

std::string LineHasher::hash_without_suffix(std::string_view line) {
  std::string out(k_hash_hex_size, '0');
  hash_without_suffix(line, out.data());
  return out;
}

} // namespace custody::ledger
