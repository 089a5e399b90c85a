// read_document(): see document.hpp.
#include "config/document.hpp"

#include <toml++/toml.h>

namespace custody::config {

bool read_document(std::string_view text, const std::string& file, Diagnostics& diags,
                   const std::function<void(TableReader& root)>& fn, Origins* origins) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    diags.push_back({file, static_cast<int>(e.source().begin.line),
                     static_cast<int>(e.source().begin.column), std::string(e.description())});
    return false;
  }
  TableReader reader(&root, "", file, diags, origins);
  fn(reader);
  return true;
}

} // namespace custody::config
