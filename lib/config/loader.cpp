#include "config/loader.hpp"

#include "config/document.hpp"
#include "config/sections.hpp"
#include "util/file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace custody::embedded {
extern const std::string_view default_config;
}

namespace custody::config {

namespace {

const char* k_embedded_name = "<embedded default>";

} // namespace

void apply_layer(Config& config, std::string_view text, const std::string& file, Diagnostics& diags,
                 bool record_origins) {
  const size_t first_new = diags.size();
  auto apply_sections = [&](TableReader& top) {
    config.layers.push_back(file);
    for (const auto& section : family_sections()) {
      if (section.apply)
        if (auto table = top.table(section.name))
          section.apply(*table, config);
      if (section.apply_array)
        if (auto tables = top.tables(section.name))
          section.apply_array(*tables, config);
    }
    top.finish();
  };
  if (!read_document(text, file, diags, apply_sections, record_origins ? &config.origins : nullptr))
    return;
  // Sections are read in table order; report in file order.
  std::stable_sort(diags.begin() + static_cast<long>(first_new), diags.end(),
                   [](const auto& a, const auto& b) {
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
}

Config default_config(bool record_origins) {
  Config config;
  Diagnostics diags;
  apply_layer(config, embedded::default_config, k_embedded_name, diags, record_origins);
  if (!diags.empty()) // a build-time bug: the unit tests load the default and fail on this
    throw std::logic_error("embedded default config is invalid: " + diags.front().to_string());
  return config;
}

LoadOptions load_options_from_env(const util::Environment& env,
                                  std::optional<std::filesystem::path> git_dir) {
  LoadOptions options;
  options.git_dir = std::move(git_dir);
  if (auto system = env.get_nonempty("CUSTODY_SYSTEM_CONFIG"))
    options.system_file = *system;
  if (auto file = env.get_nonempty("CUSTODY_CONFIG"))
    options.explicit_file = *file;
  return options;
}

LoadResult load_config(const LoadOptions& options) {
  LoadResult result;
  try {
    result.config = default_config(options.record_origins);
  } catch (const std::exception& e) {
    result.diagnostics.push_back({k_embedded_name, 0, 0, e.what()});
    return result;
  }
  auto add_layer = [&](const std::filesystem::path& path, bool required) {
    auto text = util::read_file(path);
    if (!text) {
      if (required || text.error().code != ErrorCode::not_found)
        result.diagnostics.push_back({path.string(), 0, 0, text.error().message});
      return;
    }
    apply_layer(result.config, *text, path.string(), result.diagnostics, options.record_origins);
  };
  add_layer(options.system_file, false);
  if (options.git_dir)
    add_layer(*options.git_dir / "custody.toml", false);
  if (options.explicit_file)
    add_layer(*options.explicit_file, true);
  return result;
}

} // namespace custody::config
