#include "util/env.hpp"

extern char** environ;

namespace custody::util {

Environment Environment::from_process() {
  Environment env;
  for (char** p = environ; p && *p; ++p) {
    std::string_view entry(*p);
    auto eq = entry.find('=');
    if (eq != std::string_view::npos)
      env.m_vars.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return env;
}

Environment Environment::from_map(std::map<std::string, std::string> vars) {
  Environment env;
  for (auto& [k, v] : vars)
    env.m_vars.emplace(k, v);
  return env;
}

std::optional<std::string> Environment::get(std::string_view name) const {
  auto it = m_vars.find(name);
  if (it == m_vars.end())
    return std::nullopt;
  return it->second;
}

std::optional<std::string> Environment::get_nonempty(std::string_view name) const {
  auto value = get(name);
  if (!value || value->empty())
    return std::nullopt;
  return value;
}

} // namespace custody::util
