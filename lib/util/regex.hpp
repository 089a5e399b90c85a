#pragma once
// util::Regex: the one wrapper over PCRE2 (the only file that includes pcre2.h is regex.cpp).
// Patterns come from administrators' configuration, so they are compiled once at config load
// (a bad pattern is a config error, never a push-time crash) and every match runs under a
// match limit: a pathological pattern fails the match instead of hanging a hook.
#include "util/result.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace custody::util {

class Regex {
public:
  // Compiles `pattern` (PCRE2, UTF mode off: patterns match bytes). The error names the offset.
  static Result<Regex> compile(std::string_view pattern);

  // True if the pattern matches anywhere in `text` (use ^...$ to anchor). A match that exceeds
  // the match limit counts as no match and sets `limit_hit()` for the caller to report.
  bool search(std::string_view text) const;
  bool limit_hit() const { return m_limit_hit; }
  const std::string& pattern() const { return m_pattern; }

private:
  struct Code;
  Regex(std::string pattern, std::shared_ptr<const Code> code);
  std::string m_pattern;
  std::shared_ptr<const Code> m_code; // compiled patterns are immutable and shared by copies
  mutable bool m_limit_hit = false;
};

} // namespace custody::util
