// Fuzzes the archive reader (zip, jar, gzip, tar through libarchive) under the secret engine:
// any bytes, opened as an archive blob, must give findings inside a named member, skips with a
// reason, and never expand more than the configured budget, without crashing or hanging.
#include "builtin_engine.hpp"
#include "secrets/archive_scan.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

constexpr uint64_t k_max_bytes = 1 << 20; // small, so bombs hit the budget quickly

custody::secrets::SecretsConfig archive_config() {
  custody::secrets::SecretsConfig config;
  config.archive_max_depth = 2;
  config.archive_max_bytes = k_max_bytes;
  return config;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  (void)custody::secrets::looks_like_archive(content);
  auto scan =
      custody::secrets::scan_archive(custody::fuzz::builtin_engine(archive_config()), content,
                                     "fuzz.zip", "", custody::secrets::Deadline::max());
  if (scan.bytes > k_max_bytes)
    std::abort();
  for (const auto& f : scan.findings)
    if (f.inner_path.empty() || f.redacted.empty() || f.line < 1)
      std::abort();
  return 0;
}
