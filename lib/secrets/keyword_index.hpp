#pragma once
// The multi-literal prefilter: an Aho-Corasick automaton over the rules' lower-cased keywords,
// compiled to a dense DFA over a compressed alphabet (bytes that occur in no keyword share one
// class; upper case folds onto lower case). One pass over a blob yields every keyword occurrence,
// so the engine runs a rule's regex only near its keywords. Two independent halves of the input
// are walked interleaved so the CPU overlaps their table lookups (a DFA walk is latency-bound).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
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

  // Appends every occurrence of every keyword in `text`, in order of `end`. Texts over 4 GiB are
  // not supported (blobs are capped far below that).
  void find_all(std::string_view text, std::vector<KeywordHit>& out) const;

  size_t keyword_count() const { return m_lengths.size(); }
  size_t state_count() const { return m_state_count; }
  uint32_t keyword_length(uint32_t k) const { return m_lengths[k]; }

private:
  static constexpr uint32_t k_output_bit = 0x80000000u;
  void walk(const unsigned char* p, size_t begin, size_t end, size_t report_from,
            std::vector<KeywordHit>& out) const;

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
