#pragma once
// Glob patterns, compiled once at config load so a bad pattern is a config error, not a push-time
// surprise. Matching is an NFA simulation: O(pattern × text), never exponential.
#include "util/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace custody::util {

enum class GlobSyntax {
  // Paths and ref names, case-sensitive: `*` matches within one `/`-separated component, `**`
  // matches across components (`**/` also matches nothing), `?` one non-`/` character,
  // `[abc]`, `[a-z]`, `[!x]` classes, `\` escapes the next character.
  path,
  // Paths as `path`, but letters match either case (`src/Auth/` is `src/auth/`): risky-path
  // conditions, so a case-insensitive checkout cannot dodge them by spelling.
  path_nocase,
  // Account names and emails, case-insensitive: only `*` (any run) and `?` (one character) are
  // special, so `*[bot]` means a name ending in the literal text "[bot]".
  name,
};

class Glob {
public:
  static Result<Glob> compile(std::string_view pattern, GlobSyntax syntax);
  bool matches(std::string_view text) const;
  const std::string& pattern() const { return m_pattern; }
  // The literal text every match starts with (lower-case for names).
  const std::string& literal_prefix() const { return m_prefix; }
  // True when the pattern has no wildcard: it matches exactly literal_prefix().
  bool is_literal() const { return m_prefix.size() == m_tokens.size(); }

private:
  enum class Kind { literal, any_char, star, double_star, double_star_slash, char_class };
  struct Token {
    explicit Token(Kind k, char c = 0) : kind(k), ch(c) {}
    Kind kind;
    char ch = 0;
    bool negated = false;
    std::vector<std::pair<char, char>> ranges;
  };
  bool token_accepts(const Token& t, char c) const;

  std::string m_pattern;
  GlobSyntax m_syntax = GlobSyntax::path;
  std::vector<Token> m_tokens;
  // The literal text every match starts with (lower-case for names): most texts are rejected on
  // it without running the automaton, which matters when a push hook tests every ref.
  std::string m_prefix;
};

// True if any pattern in `globs` matches `text`.
bool matches_any(const std::vector<Glob>& globs, std::string_view text);

} // namespace custody::util
