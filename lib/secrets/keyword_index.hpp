#pragma once
// The multi-literal prefilter: an Aho-Corasick automaton over the rules' lower-cased keywords,
// compiled to a dense DFA over a compressed alphabet (bytes that occur in no keyword share one
// class; upper case folds onto lower case). One pass over a blob yields every keyword occurrence,
// so the engine runs a rule's regex only near its keywords. A DFA walk is one dependent load per
// byte, so find_all walks k_slices slices of the text in lock step and the CPU overlaps their
// loads; the build is a handful of flat arrays, not an allocation per trie state.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace custody::secrets {

struct KeywordHit {
  uint32_t keyword; // index into the keyword list given to build()
  uint32_t end;     // offset one past the last byte of the occurrence
};

class KeywordIndex {
public:
  // `keywords` must be non-empty strings; they are matched case-insensitively (ASCII).
  static KeywordIndex build(const std::vector<std::string>& keywords);

  // Appends every occurrence of every keyword in `text`, in order of `end` (occurrences with the
  // same end: longest keyword first). Texts over 4 GiB are not supported (blobs are capped far
  // below that).
  void find_all(std::string_view text, std::vector<KeywordHit>& out) const;

  size_t keyword_count() const { return m_lengths.size(); }
  size_t state_count() const { return m_state_count; }
  uint32_t keyword_length(uint32_t k) const { return m_lengths[k]; }

  // Slices walked in lock step by find_all (texts shorter than k_min_sliced are walked whole).
  static constexpr size_t k_slices = 5;
  static constexpr size_t k_min_sliced = 4096;

private:
  static constexpr uint32_t k_output_bit = 0x80000000u;
  uint32_t step(uint32_t state, unsigned char byte) const {
    return m_delta[size_t{state & ~k_output_bit} + m_class[byte]]; // 64-bit add: no zero-extend
  }
  void report(uint32_t state, size_t end, std::vector<KeywordHit>& out) const;
  template <size_t... K>
  uint32_t lock_step(const unsigned char* p, size_t slice,
                     std::array<uint32_t, sizeof...(K)>& state, std::index_sequence<K...>) const;
  uint32_t walk(const unsigned char* p, size_t begin, size_t end, uint32_t state,
                std::vector<KeywordHit>* out) const;

  uint8_t m_class[256] = {};
  uint32_t m_classes = 1;
  size_t m_state_count = 0;
  size_t m_max_length = 0;
  // Row-major transitions; each entry is the next state's row offset (state × m_classes),
  // with k_output_bit set when that state ends at least one keyword.
  std::vector<uint32_t> m_delta;
  std::vector<uint32_t> m_output_begin; // per state: range into m_outputs
  std::vector<uint32_t> m_outputs;
  std::vector<uint32_t> m_lengths;
};

} // namespace custody::secrets
