// Fuzzes the secret-scanning engine with the builtin rules: any bytes, scanned as a blob, must
// give findings that lie inside the blob, without crashing or hanging (PCRE2 match limits bound
// every regex; libFuzzer's -timeout catches the rest). Binary input is scanned too: the engine
// must not rely on the caller's binary check.
#include "builtin_engine.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  // Path filters and path allowlists see a few kinds of path.
  constexpr std::string_view k_paths[] = {"", "config/.env", "src/main.go", "package-lock.json"};
  const std::string_view path = k_paths[size % std::size(k_paths)];
  auto result = custody::fuzz::builtin_engine().scan(content, path);
  for (const auto& f : result.findings) {
    if (f.offset >= size || f.line < 1 || f.column < 1 || f.fingerprint.empty() ||
        f.redacted.empty())
      std::abort();
  }
  return 0;
}
