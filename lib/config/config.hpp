#pragma once
// The typed, immutable configuration every check reads. Built by load_config() from the layers
// embedded default → /etc/custody/custody.toml → $GIT_DIR/custody.toml → $CUSTODY_CONFIG;
// a later layer overrides the keys it sets (arrays are replaced, not appended). Checks never
// see TOML: only typed sections.
//
// config/ knows no feature: each check family owns its section type and the function that reads
// it (lib/families/sections.cpp lists them), and finds its section by type:
//   const auto& s = config.get<secrets::SecretsConfig>();
#include "config/table_reader.hpp"

#include <any>
#include <map>
#include <string>
#include <typeindex>
#include <vector>

namespace custody::config {

// Typed values keyed by their type; a type never stored reads as its default-constructed value.
class Sections {
public:
  template <class T> const T& get() const {
    auto it = m_by_type.find(std::type_index(typeid(T)));
    if (it == m_by_type.end()) {
      static const T k_default{};
      return k_default;
    }
    return *std::any_cast<T>(&it->second);
  }
  template <class T> T& edit() {
    std::any& slot = m_by_type[std::type_index(typeid(T))];
    if (!slot.has_value())
      slot = T{};
    return *std::any_cast<T>(&slot);
  }

private:
  std::map<std::type_index, std::any> m_by_type;
};

struct Config {
  Sections sections;

  template <class T> const T& get() const { return sections.get<T>(); }
  template <class T> T& edit() { return sections.edit<T>(); }

  Origins origins; // dotted key → effective value and where it came from (when recorded)
  std::vector<std::string> layers; // the files that were read, in order
};

} // namespace custody::config
