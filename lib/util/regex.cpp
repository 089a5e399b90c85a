// PCRE2 behind util::Regex; see regex.hpp.
#include "util/regex.hpp"

#include <fmt/format.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

namespace custody::util {

namespace {

constexpr uint32_t k_match_limit = 100000;
constexpr uint32_t k_depth_limit = 10000;

} // namespace

struct Regex::Code {
  pcre2_code* code = nullptr;
  ~Code() { pcre2_code_free(code); }
};

Regex::Regex(std::string pattern, std::shared_ptr<const Code> code)
    : m_pattern(std::move(pattern)), m_code(std::move(code)) {}

Result<Regex> Regex::compile(std::string_view pattern) {
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), 0,
                                   &error_code, &error_offset, nullptr);
  if (!code) {
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(error_code, buffer, sizeof buffer);
    return make_error(ErrorCode::invalid_config,
                      fmt::format("invalid regular expression \"{}\" at offset {}: {}", pattern,
                                  error_offset, reinterpret_cast<const char*>(buffer)));
  }
  auto holder = std::make_shared<Code>();
  holder->code = code;
  return Regex(std::string(pattern), std::move(holder));
}

bool Regex::search(std::string_view text) const {
  m_limit_hit = false;
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(context, k_match_limit);
  pcre2_set_depth_limit(context, k_depth_limit);
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(m_code->code, nullptr);
  int rc = pcre2_match(m_code->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, 0,
                       data, context);
  pcre2_match_data_free(data);
  pcre2_match_context_free(context);
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT)
    m_limit_hit = true;
  return rc >= 0;
}

} // namespace custody::util
