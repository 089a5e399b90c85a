// Fuzzes the config layer parser and validator: any TOML text gives a config plus diagnostics.
#include "config/loader.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const custody::config::Config k_default = custody::config::default_config();
  custody::config::Config config = k_default;
  custody::config::Diagnostics diags;
  custody::config::apply_layer(config, std::string_view(reinterpret_cast<const char*>(data), size),
                               "fuzz.toml", diags);
  for (const auto& d : diags)
    (void)d.to_string();
  return 0;
}
