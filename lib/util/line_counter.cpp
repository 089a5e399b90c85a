// LineCounter and count_newlines (see line_counter.hpp). Numbering a finding near the end of a
// 10 MiB blob must not cost a byte-at-a-time pass: newlines are counted sixteen bytes at a time
// with SSE2 (every x86-64 has it), else eight at a time with exact zero-byte arithmetic.
#include "util/line_counter.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace custody::util {

size_t count_newlines(std::string_view text) {
  constexpr uint64_t k_ones = 0x0101010101010101u;
  constexpr uint64_t k_low7 = 0x7f7f7f7f7f7f7f7fu;
  constexpr uint64_t k_newlines = k_ones * '\n';
  constexpr uint64_t k_even_bytes = 0x00ff00ff00ff00ffu;
  const char* p = text.data();
  const size_t n = text.size();
  size_t count = 0, i = 0;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  while (n - i >= 16) {
    // Per-byte counts in one register (a match is -1): at most 255 blocks before one overflows.
    __m128i counts = _mm_setzero_si128();
    const size_t blocks = std::min<size_t>((n - i) / 16, 255);
    for (size_t b = 0; b < blocks; ++b, i += 16) {
      __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(bytes, newline));
    }
    __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128()); // two 64-bit lane sums
    count += static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  while (n - i >= 8) {
    // Per-byte flags summed in one word: at most 255 words before a byte could overflow.
    uint64_t sums = 0;
    const size_t words = std::min<size_t>((n - i) / 8, 255);
    for (size_t w = 0; w < words; ++w, i += 8) {
      uint64_t x;
      std::memcpy(&x, p + i, 8);
      x ^= k_newlines;
      // The high bit of a byte is set iff that byte of x is zero; no carry crosses bytes.
      sums += ~(((x & k_low7) + k_low7) | x | k_low7) >> 7;
    }
    sums = (sums & k_even_bytes) + ((sums >> 8) & k_even_bytes);
    count += static_cast<size_t>((sums * 0x0001000100010001u) >> 48);
  }
  for (; i < n; ++i)
    count += p[i] == '\n';
  return count;
}

size_t line_start(std::string_view text, size_t pos, size_t floor) {
  constexpr uint64_t k_low7 = 0x7f7f7f7f7f7f7f7fu;
  constexpr uint64_t k_newlines = 0x0101010101010101u * '\n';
  // Skip back over whole words without a newline; the last few bytes go one at a time.
  while (pos - floor >= 8) {
    uint64_t x;
    std::memcpy(&x, text.data() + pos - 8, 8);
    x ^= k_newlines;
    if (~(((x & k_low7) + k_low7) | x | k_low7)) // some byte of x is zero
      break;
    pos -= 8;
  }
  while (pos > floor && text[pos - 1] != '\n')
    --pos;
  return pos;
}

TextPosition LineCounter::at(size_t offset) {
  offset = std::min(offset, m_text.size());
  if (offset < m_offset) {
    m_offset = m_line_start = 0;
    m_line = 1;
  }
  std::string_view span = m_text.substr(m_offset, offset - m_offset);
  if (size_t n = count_newlines(span)) {
    m_line += static_cast<int>(n);
    m_line_start = m_offset + span.rfind('\n') + 1;
  }
  m_offset = offset;
  return {m_line, static_cast<int>(offset - m_line_start) + 1};
}

} // namespace custody::util
