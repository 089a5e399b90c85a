// Fuzzes the archive reader (zip, jar, gzip, tar through libarchive) under the secret engine:
// any bytes, opened as an archive blob, must give findings inside a named member, skips with a
// reason, and never expand more than the configured budget, without crashing or hanging.
#include "secrets/archive_scan.hpp"
#include "secrets/rule_set.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

constexpr uint64_t k_max_bytes = 1 << 20; // small, so bombs hit the budget quickly

const custody::secrets::Engine& archive_engine() {
  static const custody::secrets::Engine engine = [] {
    custody::secrets::SecretsConfig config;
    config.archive_max_depth = 2;
    config.archive_max_bytes = k_max_bytes;
    auto loaded = custody::secrets::load_engine(config);
    if (!loaded)
      std::abort();
    return std::move(loaded.value().engine);
  }();
  return engine;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  (void)custody::secrets::looks_like_archive(content);
  auto scan = custody::secrets::scan_archive(archive_engine(), content, "fuzz.zip", "",
                                             custody::secrets::Deadline::max());
  if (scan.bytes > k_max_bytes)
    std::abort();
  for (const auto& f : scan.findings)
    if (f.inner_path.empty() || f.redacted.empty() || f.line < 1)
      std::abort();
  return 0;
}
