// Fuzzes pre-receive's stdin parser: any bytes must give a value or an error, never a crash.
#include "refs/ref_update.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto parsed = custody::refs::parse_ref_update_lines(input);
  if (parsed)
    for (const auto& u : *parsed)
      (void)(u.is_create() || u.is_delete());
  return 0;
}
