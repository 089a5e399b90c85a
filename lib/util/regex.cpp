// PCRE2 wrapper (see regex.hpp). Compile errors become Results; every match runs with a match
// context that carries the match and depth limits, and JIT matching gets its own stack so deep
// (but legitimate) patterns do not fail on the default 32 KiB JIT stack. Compiling happens in
// State's std::call_once: right away for compile(), on first use for deferred().
#include "util/regex.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <mutex>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

namespace custody::util {

struct Regex::Code {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  bool jit = false;
  uint32_t groups = 0; // capturing groups, not counting group 0
  Code() = default;
  Code(const Code&) = delete;
  Code& operator=(const Code&) = delete;
  ~Code() {
    pcre2_match_context_free(context);
    pcre2_code_free(code);
  }
};

struct Regex::State {
  std::string pattern;
  RegexOptions options;
  std::once_flag once;
  std::atomic<bool> done{false};
  std::unique_ptr<const Code> code; // set by the compile, if it succeeded
  std::string error;                // set by the compile, if it failed
};

namespace {

// Per-thread match data and JIT stack, sized for any pattern we compile (ovector grows on demand).
struct Scratch {
  pcre2_match_data* data = nullptr;
  uint32_t pairs = 0;
  pcre2_jit_stack* jit_stack = nullptr;
  ~Scratch() {
    pcre2_match_data_free(data);
    pcre2_jit_stack_free(jit_stack);
  }
  pcre2_match_data* get(uint32_t needed) {
    if (!data || pairs < needed) {
      pcre2_match_data_free(data);
      pairs = std::max<uint32_t>(needed, 16);
      data = pcre2_match_data_create(pairs, nullptr);
    }
    return data;
  }
  pcre2_jit_stack* stack() {
    if (!jit_stack)
      jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, nullptr);
    return jit_stack;
  }
};

thread_local Scratch t_scratch;

pcre2_jit_stack* jit_stack_callback(void*) {
  return t_scratch.stack();
}

std::string pcre2_message(int code) {
  PCRE2_UCHAR buffer[256];
  int n = pcre2_get_error_message(code, buffer, sizeof buffer);
  return n < 0 ? fmt::format("PCRE2 error {}", code)
               : std::string(reinterpret_cast<char*>(buffer), static_cast<size_t>(n));
}

} // namespace

std::string_view RegexMatch::group(std::string_view text, size_t index) const {
  if (index >= groups.size() || !groups[index].matched())
    return {};
  return text.substr(groups[index].start, groups[index].end - groups[index].start);
}

Result<Regex> Regex::compile(std::string_view pattern, const RegexOptions& options) {
  Regex regex = deferred(pattern, options);
  if (!regex.code())
    return make_error(ErrorCode::invalid_config, regex.m_state->error);
  return regex;
}

Regex Regex::deferred(std::string_view pattern, const RegexOptions& options) {
  Regex regex;
  regex.m_state = std::make_shared<State>();
  regex.m_state->pattern = std::string(pattern);
  regex.m_state->options = options;
  return regex;
}

const Regex::Code* Regex::code() const {
  if (!m_state)
    return nullptr;
  State& state = *m_state;
  std::call_once(state.once, [&state] {
    uint32_t flags = 0;
    if (state.options.case_mode == RegexCase::insensitive)
      flags |= PCRE2_CASELESS;
    if (state.options.multiline)
      flags |= PCRE2_MULTILINE;
    int error_code = 0;
    PCRE2_SIZE error_offset = 0;
    pcre2_code* code =
        pcre2_compile(reinterpret_cast<PCRE2_SPTR>(state.pattern.data()), state.pattern.size(),
                      flags, &error_code, &error_offset, nullptr);
    if (!code) {
      state.error = fmt::format("invalid regular expression \"{}\" at offset {}: {}", state.pattern,
                                error_offset, pcre2_message(error_code));
    } else {
      auto holder = std::make_unique<Code>();
      holder->code = code;
      holder->context = pcre2_match_context_create(nullptr);
      pcre2_set_match_limit(holder->context, state.options.match_limit);
      pcre2_set_depth_limit(holder->context, state.options.depth_limit);
      pcre2_set_heap_limit(holder->context, 64 * 1024); // KiB
      pcre2_jit_stack_assign(holder->context, jit_stack_callback, nullptr);
      holder->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
      pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &holder->groups);
      state.code = std::move(holder);
    }
    state.done.store(true, std::memory_order_release);
  });
  return state.code.get();
}

const std::string& Regex::pattern() const {
  static const std::string none;
  return m_state ? m_state->pattern : none;
}

const RegexOptions& Regex::options() const {
  static const RegexOptions defaults;
  return m_state ? m_state->options : defaults;
}

bool Regex::jit() const {
  const Code* c = code();
  return c && c->jit;
}

bool Regex::compiled() const {
  return m_state && m_state->done.load(std::memory_order_acquire);
}

MatchStatus Regex::search(std::string_view text, size_t start, RegexMatch& out) const {
  const Code* c = code();
  if (!c)
    return MatchStatus::error;
  if (start > text.size())
    return MatchStatus::no_match;
  uint32_t groups = c->groups + 1;
  pcre2_match_data* data = t_scratch.get(groups);
  int rc = pcre2_match(c->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), start, 0,
                       data, c->context);
  if (rc == PCRE2_ERROR_NOMATCH)
    return MatchStatus::no_match;
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
      rc == PCRE2_ERROR_JIT_STACKLIMIT)
    return MatchStatus::limit_exceeded;
  if (rc < 0)
    return MatchStatus::error;
  const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
  out.groups.resize(groups);
  for (uint32_t i = 0; i < groups; ++i) {
    if (ovector[2 * i] == PCRE2_UNSET || ovector[2 * i + 1] < ovector[2 * i]) {
      out.groups[i] = {};
    } else {
      out.groups[i] = {ovector[2 * i], ovector[2 * i + 1]};
    }
  }
  return MatchStatus::match;
}

bool Regex::matches(std::string_view text) const {
  RegexMatch m;
  return search(text, 0, m) == MatchStatus::match;
}

bool Regex::search(std::string_view text) const {
  RegexMatch m;
  MatchStatus status = search(text, 0, m);
  m_limit_hit = status == MatchStatus::limit_exceeded;
  return status == MatchStatus::match;
}

int Regex::group_index(std::string_view name) const {
  const Code* c = code();
  if (!c)
    return -1;
  std::string n(name);
  int index = pcre2_substring_number_from_name(c->code, reinterpret_cast<PCRE2_SPTR>(n.c_str()));
  return index < 0 ? -1 : index;
}

int Regex::group_count() const {
  const Code* c = code();
  return c ? static_cast<int>(c->groups) : 0;
}

} // namespace custody::util
