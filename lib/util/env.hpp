#pragma once
// The process environment as a value. Hooks receive it through Io so tests can run a whole hook
// in-process with a made-up environment.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace custody::util {

class Environment {
public:
  static Environment from_process();
  static Environment from_map(std::map<std::string, std::string> vars);

  // The value of `name`, or nullopt when it is unset. An empty value counts as set.
  std::optional<std::string> get(std::string_view name) const;
  // The value of `name` if it is set and non-empty.
  std::optional<std::string> get_nonempty(std::string_view name) const;
  void set(std::string name, std::string value) { m_vars[std::move(name)] = std::move(value); }
  void unset(const std::string& name) { m_vars.erase(name); }
  const std::map<std::string, std::string, std::less<>>& vars() const { return m_vars; }

private:
  std::map<std::string, std::string, std::less<>> m_vars;
};

} // namespace custody::util
