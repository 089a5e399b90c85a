#pragma once
// util::Regex: the one wrapper over PCRE2 (only regex.cpp includes pcre2.h), shared by the
// trailer schema and secret scanning. Patterns come from admins' configuration and from
// third-party rule files, so they are compiled once at config load (a bad pattern is a config
// error, never a push-time crash), and every match runs
// under a match limit and a depth limit: a catastrophic pattern returns `limit_exceeded` in
// milliseconds instead of hanging a push. Patterns are JIT-compiled when the platform allows.
//
// Patterns already validated elsewhere (the builtin secret rules, checked when the build
// generates their table) can be `deferred`: compiled and JIT-compiled on first use, once, so a
// push pays only for the rules its content needs (docs/ARCHITECTURE.md, "Per-push cost").
//
// A Regex is immutable (its lazy compile is guarded by std::call_once) and safe to share between
// threads; match state lives in a per-thread scratch buffer inside regex.cpp.
#include "util/result.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace custody::util {

enum class RegexCase { sensitive, insensitive };

struct RegexOptions {
  RegexCase case_mode = RegexCase::sensitive;
  bool multiline = false;         // ^ and $ match at line boundaries
  uint32_t match_limit = 1000000; // PCRE2 match limit per start position (also bounds JIT)
  uint32_t depth_limit = 10000;   // PCRE2 depth limit (interpreter backtracking depth)
  bool operator==(const RegexOptions&) const = default;
};

enum class MatchStatus { match, no_match, limit_exceeded, error };

// One match: the whole match is group 0. Offsets are absolute in the searched text; a group
// that did not take part has `start == npos`.
struct RegexMatch {
  struct Span {
    size_t start = std::string_view::npos;
    size_t end = std::string_view::npos;
    bool matched() const { return start != std::string_view::npos; }
  };
  std::vector<Span> groups;
  std::string_view group(std::string_view text, size_t index) const;
};

class Regex {
public:
  // Compiles `pattern`. A syntax error returns ErrorCode::invalid_config with the PCRE2 message
  // and the offset in the pattern: "invalid regular expression \"a(b\" at offset 3: missing closing
  // parenthesis".
  static Result<Regex> compile(std::string_view pattern, const RegexOptions& options = {});
  // A Regex compiled on first use (search, group_count, ...), once, by whichever thread gets
  // there first. For patterns known to compile: if it does not, the Regex matches nothing
  // (search returns MatchStatus::error).
  static Regex deferred(std::string_view pattern, const RegexOptions& options = {});

  // Searches `text` from `start` (lookbehinds may see text before it). On `match`, fills `out`
  // (group 0 = whole match). Thread-safe.
  MatchStatus search(std::string_view text, size_t start, RegexMatch& out) const;
  // True if the pattern matches somewhere in `text`; a limit or error counts as no match.
  bool matches(std::string_view text) const;
  // Like matches(), and remembers whether the match limit was hit, for callers that report it
  // (the trailer schema). Not for concurrent use of one Regex object: use the status overload.
  bool search(std::string_view text) const;
  bool limit_hit() const { return m_limit_hit; }

  // Index of a named group, or -1.
  int group_index(std::string_view name) const;
  // Number of capturing groups (not counting group 0).
  int group_count() const;
  const std::string& pattern() const;
  const RegexOptions& options() const;
  // True once compiled with JIT (compiles a deferred pattern).
  bool jit() const;
  // False for a deferred pattern nothing has used yet.
  bool compiled() const;

private:
  struct Code;
  struct State;
  const Code* code() const;       // compiles a deferred pattern; null if it failed or no pattern
  std::shared_ptr<State> m_state; // shared by copies, so one compile serves all of them
  mutable bool m_limit_hit = false;
};

} // namespace custody::util
