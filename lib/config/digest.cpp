#include "config/digest.hpp"

#include "util/file.hpp"
#include "util/sha256.hpp"

namespace custody::embedded {
extern const std::string_view default_config;
}

namespace custody::config {

std::string_view embedded_default_text() {
  return embedded::default_config;
}

std::string_view embedded_default_name() {
  return "<embedded default>";
}

std::string config_digest_of(const std::vector<std::pair<std::string, std::string>>& layers) {
  std::string input;
  for (const auto& [name, text] : layers)
    input += name + "\n" + util::sha256_hex(text) + "\n";
  return "sha256:" + util::sha256_hex(input);
}

std::string config_digest(const Config& config) {
  std::vector<std::pair<std::string, std::string>> layers;
  for (const auto& name : config.layers) {
    if (name == embedded_default_name()) {
      layers.emplace_back(name, std::string(embedded_default_text()));
      continue;
    }
    auto text = util::read_file(name);
    layers.emplace_back(name, text ? *text : std::string("<unreadable>"));
  }
  return config_digest_of(layers);
}

} // namespace custody::config
