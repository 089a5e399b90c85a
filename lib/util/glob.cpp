#include "util/glob.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>

namespace custody::util {

Result<Glob> Glob::compile(std::string_view pattern, GlobSyntax syntax) {
  Glob glob;
  glob.m_pattern = std::string(pattern);
  glob.m_syntax = syntax;
  if (pattern.empty())
    return make_error(ErrorCode::invalid_config, "empty glob pattern");
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '*') {
      if (syntax != GlobSyntax::name && i + 1 < pattern.size() && pattern[i + 1] == '*') {
        while (i + 1 < pattern.size() && pattern[i + 1] == '*')
          ++i;
        bool slash_follows = i + 1 < pattern.size() && pattern[i + 1] == '/';
        bool at_component_start = glob.m_tokens.empty() || pattern[i - 2] == '/';
        if (slash_follows && at_component_start) {
          glob.m_tokens.emplace_back(Kind::double_star_slash);
          ++i;
        } else {
          glob.m_tokens.emplace_back(Kind::double_star);
        }
      } else {
        glob.m_tokens.emplace_back(Kind::star);
      }
    } else if (c == '?') {
      glob.m_tokens.emplace_back(Kind::any_char);
    } else if (syntax != GlobSyntax::name && c == '\\') {
      if (i + 1 == pattern.size())
        return make_error(ErrorCode::invalid_config,
                          fmt::format("glob \"{}\" ends with a lone backslash", pattern));
      ++i;
      glob.m_tokens.emplace_back(Kind::literal,
                                 syntax != GlobSyntax::path ? ascii_lower(pattern[i]) : pattern[i]);
    } else if (syntax != GlobSyntax::name && c == '[') {
      Token t(Kind::char_class);
      size_t j = i + 1;
      if (j < pattern.size() && (pattern[j] == '!' || pattern[j] == '^')) {
        t.negated = true;
        ++j;
      }
      bool closed = false;
      for (bool first = true; j < pattern.size(); first = false) {
        if (pattern[j] == ']' && !first) {
          closed = true;
          break;
        }
        char lo = pattern[j];
        if (j + 2 < pattern.size() && pattern[j + 1] == '-' && pattern[j + 2] != ']') {
          char hi = pattern[j + 2];
          if (hi < lo)
            return make_error(
                ErrorCode::invalid_config,
                fmt::format("glob \"{}\" has a reversed range {}-{}", pattern, lo, hi));
          t.ranges.emplace_back(lo, hi);
          j += 3;
        } else {
          t.ranges.emplace_back(lo, lo);
          ++j;
        }
      }
      if (!closed)
        return make_error(ErrorCode::invalid_config,
                          fmt::format("glob \"{}\" has an unclosed '[' at offset {}", pattern, i));
      glob.m_tokens.push_back(std::move(t));
      i = j;
    } else {
      glob.m_tokens.emplace_back(Kind::literal, syntax != GlobSyntax::path ? ascii_lower(c) : c);
    }
  }
  for (const auto& t : glob.m_tokens) {
    if (t.kind != Kind::literal)
      break;
    glob.m_prefix += t.ch;
  }
  return glob;
}

bool Glob::token_accepts(const Token& t, char c) const {
  switch (t.kind) {
  case Kind::literal:
    return (m_syntax != GlobSyntax::path ? ascii_lower(c) : c) == t.ch;
  case Kind::any_char:
    return m_syntax == GlobSyntax::name || c != '/';
  case Kind::char_class: {
    if (c == '/')
      return false;
    bool in = false;
    const bool fold = m_syntax == GlobSyntax::path_nocase;
    const char lower = ascii_lower(c);
    const char upper = lower >= 'a' && lower <= 'z' ? static_cast<char>(lower - 'a' + 'A') : c;
    for (auto [lo, hi] : t.ranges)
      in = in || (c >= lo && c <= hi) ||
           (fold && ((lower >= lo && lower <= hi) || (upper >= lo && upper <= hi)));
    return in != t.negated;
  }
  default:
    return false;
  }
}

bool Glob::matches(std::string_view text) const {
  // at[k]: the first k tokens matched the text so far. inside[k]: token k is `**/` and has
  // consumed part of a directory run that only a '/' can finish.
  if (text.size() < m_prefix.size())
    return false;
  for (size_t i = 0; i < m_prefix.size(); ++i)
    if ((m_syntax != GlobSyntax::path ? ascii_lower(text[i]) : text[i]) != m_prefix[i])
      return false;
  const size_t n = m_tokens.size();
  // One buffer for the four state rows, reused across calls on this thread.
  thread_local std::vector<char> buffer;
  buffer.assign(4 * (n + 1), 0);
  char* at = buffer.data();
  char* inside = at + (n + 1);
  char* next_at = inside + (n + 1);
  char* next_inside = next_at + (n + 1);
  auto close = [&](char* s) {
    // Star-like tokens may match the empty string, so their successors are reachable too.
    for (size_t k = 0; k < n; ++k) {
      Kind kind = m_tokens[k].kind;
      if (s[k] &&
          (kind == Kind::star || kind == Kind::double_star || kind == Kind::double_star_slash))
        s[k + 1] = 1;
    }
  };
  at[0] = 1;
  close(at);
  for (char c : text) {
    std::fill(next_at, next_at + n + 1, 0);
    std::fill(next_inside, next_inside + n + 1, 0);
    bool alive = false;
    for (size_t k = 0; k < n; ++k) {
      const Token& t = m_tokens[k];
      if (t.kind == Kind::double_star_slash) {
        if (at[k] || inside[k]) {
          next_inside[k] = alive = 1;
          if (c == '/')
            next_at[k + 1] = 1;
        }
        continue;
      }
      if (!at[k])
        continue;
      if (t.kind == Kind::star) {
        if (m_syntax == GlobSyntax::name || c != '/')
          next_at[k] = alive = 1;
      } else if (t.kind == Kind::double_star) {
        next_at[k] = alive = 1;
      } else if (token_accepts(t, c)) {
        next_at[k + 1] = alive = 1;
      }
    }
    if (!alive)
      return false;
    close(next_at);
    std::swap(at, next_at);
    std::swap(inside, next_inside);
  }
  return at[n] != 0;
}

bool matches_any(const std::vector<Glob>& globs, std::string_view text) {
  for (const auto& g : globs)
    if (g.matches(text))
      return true;
  return false;
}

} // namespace custody::util
