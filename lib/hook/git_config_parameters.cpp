// Parsing $GIT_CONFIG_PARAMETERS (git's sq-quoted list); see git_config_parameters.hpp.
#include "hook/git_config_parameters.hpp"

#include "util/strings.hpp"

#include <vector>

namespace custody::hook {

namespace {

// Reads one sq-quoted word at `pos` ('...' with '\'' for a quote); advances `pos`.
std::optional<std::string> read_quoted(std::string_view s, size_t& pos) {
  if (pos >= s.size() || s[pos] != '\'')
    return std::nullopt;
  std::string out;
  ++pos;
  while (pos < s.size()) {
    char c = s[pos++];
    if (c != '\'') {
      out += c;
      continue;
    }
    if (s.substr(pos, 3) == "\\''") { // an embedded quote: '\''
      out += '\'';
      pos += 3;
      continue;
    }
    return out;
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> git_config_parameter(const util::Environment& env,
                                                std::string_view key) {
  auto params = env.get_nonempty("GIT_CONFIG_PARAMETERS");
  if (!params)
    return std::nullopt;
  std::string_view s = *params;
  std::optional<std::string> found;
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t'))
      ++pos;
    auto word = read_quoted(s, pos);
    if (!word)
      break;
    std::string name;
    std::optional<std::string> value;
    if (pos < s.size() && s[pos] == '=') {
      ++pos;
      name = *word;
      value = read_quoted(s, pos);
    } else if (auto eq = word->find('='); eq != std::string::npos) {
      name = word->substr(0, eq);
      value = word->substr(eq + 1);
    } else {
      name = *word; // a boolean without value
      value = "true";
    }
    if (value && util::iequals(name, key))
      found = value;
  }
  return found;
}

} // namespace custody::hook
