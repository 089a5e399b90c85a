#pragma once
// Published token checksums. GitHub (2021) and npm (2021) tokens end in six base62 characters
// encoding the CRC32 of the 30 random characters after the prefix; a match whose checksum does
// not verify is a typo, a truncated string or a made-up example, not a live token.
#include <cstdint>
#include <string>
#include <string_view>

namespace custody::secrets {

uint32_t crc32(std::string_view data);
// Base62 (0-9A-Za-z) of `value`, left-padded with '0' to `width`.
std::string base62(uint64_t value, size_t width);
// `token` is "<prefix>_<30 chars><6 chars base62 CRC32>".
bool valid_crc32_base62_token(std::string_view token);

} // namespace custody::secrets
