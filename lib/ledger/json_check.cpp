// An iterative JSON syntax checker with an explicit container stack. Strings, the bulk of a
// record, are skipped with a tight loop over ordinary bytes.
#include "ledger/json_check.hpp"

#include <cstdint>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace custody::ledger {

namespace {

constexpr int k_max_depth = 64;

class Checker {
public:
  explicit Checker(std::string_view text) : m_p(text.data()), m_end(text.data() + text.size()) {}

  bool run() {
    skip_space();
    if (m_p == m_end || *m_p != '{')
      return false;
    if (!document())
      return false;
    skip_space();
    return m_p == m_end;
  }

private:
  void skip_space() {
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
      ++m_p;
  }

  // Advances m_p to the next '"', '\\' or control byte (or the end), 16 bytes at a time where
  // SSE2 is there (every x86-64): string bytes are most of a record.
  void skip_plain() {
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control_max = _mm_set1_epi8(0x1F);
    while (m_end - m_p >= 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(m_p));
      __m128i hit =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                       _mm_cmpeq_epi8(_mm_min_epu8(v, control_max), v));
      int mask = _mm_movemask_epi8(hit);
      if (mask != 0) {
        m_p += __builtin_ctz(static_cast<unsigned>(mask));
        return;
      }
      m_p += 16;
    }
#endif
    while (m_p < m_end && *m_p != '"' && *m_p != '\\' && static_cast<unsigned char>(*m_p) >= 0x20)
      ++m_p;
  }

  bool string() {
    ++m_p; // opening quote
    for (;;) {
      skip_plain();
      if (m_p == m_end || static_cast<unsigned char>(*m_p) < 0x20)
        return false;
      if (*m_p == '"') {
        ++m_p;
        return true;
      }
      ++m_p; // backslash
      if (m_p == m_end)
        return false;
      char e = *m_p++;
      if (e == 'u') {
        for (int i = 0; i < 4; ++i, ++m_p)
          if (m_p == m_end || !is_hex(*m_p))
            return false;
      } else if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' &&
                 e != 'r' && e != 't') {
        return false;
      }
    }
  }

  static bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
  static bool is_digit(char c) {
    return c >= '0' && c <= '9';
  }

  bool digits() {
    const char* start = m_p;
    while (m_p < m_end && is_digit(*m_p))
      ++m_p;
    return m_p != start;
  }

  bool number() {
    if (*m_p == '-')
      ++m_p;
    if (m_p == m_end)
      return false;
    if (*m_p == '0')
      ++m_p;
    else if (!digits())
      return false;
    if (m_p < m_end && *m_p == '.') {
      ++m_p;
      if (!digits())
        return false;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
      ++m_p;
      if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
        ++m_p;
      if (!digits())
        return false;
    }
    return true;
  }

  bool literal(std::string_view word) {
    if (static_cast<size_t>(m_end - m_p) < word.size() ||
        std::string_view(m_p, word.size()) != word)
      return false;
    m_p += word.size();
    return true;
  }

  enum class State { value, key, after_value };

  // A loop over three states with an explicit stack, so neither nesting nor long arrays grow
  // the call stack.
  bool document() {
    State state = State::value;
    for (;;) {
      skip_space();
      if (m_p == m_end)
        return false;
      switch (state) {
      case State::key:
        if (*m_p != '"' || !string())
          return false;
        skip_space();
        if (m_p == m_end || *m_p != ':')
          return false;
        ++m_p;
        state = State::value;
        break;
      case State::value:
        if (*m_p == '{' || *m_p == '[') {
          if (m_depth == k_max_depth)
            return false;
          char bracket = *m_p++;
          m_stack[m_depth++] = bracket;
          skip_space();
          if (m_p < m_end && *m_p == (bracket == '{' ? '}' : ']')) {
            ++m_p;
            --m_depth;
            state = State::after_value;
          } else {
            state = bracket == '{' ? State::key : State::value;
          }
        } else {
          if (!scalar())
            return false;
          state = State::after_value;
        }
        break;
      case State::after_value:
        if (m_depth == 0)
          return false; // unreachable: checked below
        if (*m_p == ',') {
          ++m_p;
          state = m_stack[m_depth - 1] == '{' ? State::key : State::value;
        } else if (*m_p == (m_stack[m_depth - 1] == '{' ? '}' : ']')) {
          ++m_p;
          --m_depth;
        } else {
          return false;
        }
        break;
      }
      if (state == State::after_value && m_depth == 0)
        return true;
    }
  }

  bool scalar() {
    switch (*m_p) {
    case '"':
      return string();
    case 't':
      return literal("true");
    case 'f':
      return literal("false");
    case 'n':
      return literal("null");
    default:
      return (*m_p == '-' || is_digit(*m_p)) && number();
    }
  }

  const char* m_p;
  const char* m_end;
  char m_stack[k_max_depth] = {};
  int m_depth = 0;
};

} // namespace

bool is_json_object(std::string_view text) {
  return Checker(text).run();
}

} // namespace custody::ledger
