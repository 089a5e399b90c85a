#include "secrets/checksum.hpp"

#include <array>

namespace custody::secrets {

namespace {

constexpr std::string_view k_base62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

std::array<uint32_t, 256> make_table() {
  std::array<uint32_t, 256> table{};
  for (uint32_t n = 0; n < 256; ++n) {
    uint32_t c = n;
    for (int k = 0; k < 8; ++k)
      c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}

} // namespace

uint32_t crc32(std::string_view data) {
  static const auto table = make_table();
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : data)
    c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::string base62(uint64_t value, size_t width) {
  std::string out;
  do {
    out.insert(out.begin(), k_base62[value % 62]);
    value /= 62;
  } while (value);
  if (out.size() < width)
    out.insert(0, width - out.size(), '0');
  return out;
}

bool valid_crc32_base62_token(std::string_view token) {
  size_t underscore = token.find('_');
  if (underscore == std::string_view::npos)
    return false;
  std::string_view body = token.substr(underscore + 1);
  if (body.size() != 36)
    return false;
  return base62(crc32(body.substr(0, 30)), 6) == body.substr(30);
}

} // namespace custody::secrets
