// Aho-Corasick construction (trie, BFS failure links, dense DFA) in flat arrays, and the sliced
// lock-step walk.
#include "secrets/keyword_index.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace custody::secrets {

KeywordIndex KeywordIndex::build(const std::vector<std::string>& keywords) {
  KeywordIndex index;
  // Alphabet: one class per distinct (lower-cased) byte used by a keyword; class 0 for the rest.
  size_t total_length = 0;
  for (const auto& k : keywords) {
    total_length += k.size();
    for (char c : k) {
      auto lc = static_cast<unsigned char>(util::ascii_lower(c));
      if (!index.m_class[lc])
        index.m_class[lc] = static_cast<uint8_t>(index.m_classes++);
    }
  }
  for (int c = 'A'; c <= 'Z'; ++c)
    index.m_class[c] = index.m_class[c - 'A' + 'a'];
  const uint32_t classes = index.m_classes;

  // Trie, in the table that becomes the DFA (sized for no shared prefixes, shrunk after): an
  // edge holds its target's row offset (state × classes); k_none marks a missing edge. The
  // edges are also listed, so the BFS below need not search rows for them.
  constexpr uint32_t k_none = UINT32_MAX;
  std::vector<uint32_t>& delta = index.m_delta;
  delta.assign((total_length + 1) * classes, k_none);
  struct Edge {
    uint32_t from, cls, to;
  };
  std::vector<Edge> edges;
  std::vector<uint32_t> end_state(keywords.size());
  uint32_t states = 1;
  for (uint32_t ki = 0; ki < keywords.size(); ++ki) {
    uint32_t row = 0;
    for (char c : keywords[ki]) {
      const uint32_t cls = index.m_class[static_cast<unsigned char>(c)];
      if (delta[row + cls] == k_none) {
        edges.push_back({row / classes, cls, states});
        delta[row + cls] = states++ * classes;
      }
      row = delta[row + cls];
    }
    end_state[ki] = row / classes;
    index.m_lengths.push_back(static_cast<uint32_t>(keywords[ki].size()));
    index.m_max_length = std::max(index.m_max_length, keywords[ki].size());
  }
  delta.resize(size_t{states} * classes);
  // Edges by source state (a stable counting sort).
  std::vector<uint32_t> edge_begin(size_t{states} + 1, 0);
  std::vector<Edge> by_source(edges.size());
  for (const Edge& e : edges)
    ++edge_begin[e.from + 1];
  for (uint32_t s = 0; s < states; ++s)
    edge_begin[s + 1] += edge_begin[s];
  {
    std::vector<uint32_t> fill(edge_begin.begin(), edge_begin.end() - 1);
    for (const Edge& e : edges)
      by_source[fill[e.from]++] = e;
  }

  // Each state's own keywords, in keyword order (a counting sort by end state).
  std::vector<uint32_t> own_begin(size_t{states} + 1, 0), own(keywords.size());
  for (uint32_t s : end_state)
    ++own_begin[s + 1];
  for (uint32_t s = 0; s < states; ++s)
    own_begin[s + 1] += own_begin[s];
  {
    std::vector<uint32_t> fill(own_begin.begin(), own_begin.end() - 1);
    for (uint32_t ki = 0; ki < keywords.size(); ++ki)
      own[fill[end_state[ki]]++] = ki;
  }

  // BFS (parents before children, so a failure state, being shallower, is complete before it is
  // used). A state's row is its failure state's row with its own trie edges on top; its outputs
  // are its own keywords, then its failure state's. An edge gets k_output_bit when its target
  // has outputs, known as soon as the target's failure link is (that state is shallower still).
  std::vector<uint32_t> fail(states, 0), order{0};
  std::vector<char> has_outputs(states, 0);
  order.reserve(states);
  std::vector<uint32_t> out_begin(states, 0), out_size(states, 0), outputs;
  for (size_t head = 0; head < order.size(); ++head) {
    const uint32_t s = order[head];
    out_begin[s] = static_cast<uint32_t>(outputs.size());
    outputs.insert(outputs.end(), own.begin() + own_begin[s], own.begin() + own_begin[s + 1]);
    for (uint32_t o = 0; o < out_size[fail[s]]; ++o) {
      const uint32_t inherited = outputs[out_begin[fail[s]] + o];
      outputs.push_back(inherited);
    }
    out_size[s] = static_cast<uint32_t>(outputs.size()) - out_begin[s];

    uint32_t* row = delta.data() + size_t{s} * classes;
    const uint32_t* fail_row = delta.data() + size_t{fail[s]} * classes;
    if (s == 0)
      std::fill(row, row + classes, 0u);
    else
      std::copy(fail_row, fail_row + classes, row);
    for (uint32_t e = edge_begin[s]; e < edge_begin[s + 1]; ++e) {
      const uint32_t c = by_source[e].cls, t = by_source[e].to;
      fail[t] = s == 0 ? 0 : (fail_row[c] & ~k_output_bit) / classes;
      has_outputs[t] = own_begin[t + 1] > own_begin[t] || has_outputs[fail[t]];
      row[c] = t * classes | (has_outputs[t] ? k_output_bit : 0);
      order.push_back(t);
    }
  }

  index.m_state_count = states;
  index.m_output_begin.resize(size_t{states} + 1);
  index.m_outputs.reserve(outputs.size());
  for (uint32_t s = 0; s < states; ++s) {
    index.m_output_begin[s] = static_cast<uint32_t>(index.m_outputs.size());
    index.m_outputs.insert(index.m_outputs.end(), outputs.begin() + out_begin[s],
                           outputs.begin() + out_begin[s] + out_size[s]);
  }
  index.m_output_begin[states] = static_cast<uint32_t>(index.m_outputs.size());
  return index;
}

void KeywordIndex::report(uint32_t state, size_t end, std::vector<KeywordHit>& out) const {
  const uint32_t s = (state & ~k_output_bit) / m_classes;
  for (uint32_t o = m_output_begin[s]; o < m_output_begin[s + 1]; ++o)
    out.push_back({m_outputs[o], static_cast<uint32_t>(end)});
}

// Walks p[begin, end) from `state`, reporting into `out` unless it is null (a warm-up). Kept out
// of find_all's loop so that loop's states stay in registers.
[[gnu::noinline]] uint32_t KeywordIndex::walk(const unsigned char* p, size_t begin, size_t end,
                                              uint32_t state, std::vector<KeywordHit>* out) const {
  for (size_t i = begin; i < end; ++i) {
    state = step(state, p[i]);
    if ((state & k_output_bit) && out)
      report(state, i + 1, *out);
  }
  return state;
}

// One step of every slice: unrolled at compile time and inlined, so the states stay in registers
// and the slices' loads, independent of each other, overlap. Returns the OR of the new states.
template <size_t... K>
[[gnu::always_inline]] inline uint32_t
KeywordIndex::lock_step(const unsigned char* p, size_t slice,
                        std::array<uint32_t, sizeof...(K)>& state,
                        std::index_sequence<K...>) const {
  uint32_t any = 0;
  ((state[K] = step(state[K], p[K * slice]), any |= state[K]), ...);
  return any;
}

void KeywordIndex::find_all(std::string_view text, std::vector<KeywordHit>& out) const {
  if (m_lengths.empty() || text.empty())
    return;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  if (n < k_min_sliced) {
    walk(p, 0, n, 0, &out);
    return;
  }
  // Slice k reports the hits ending in (k × slice, (k + 1) × slice]; the last one also those past
  // the slices. Each starts m_max_length bytes early (a warm-up that reports nothing) so it is in
  // the right state for any keyword that straddles its start.
  constexpr size_t k_block = 8; // bytes per slice between checks for a keyword end
  const size_t slice = n / k_slices / k_block * k_block;
  std::array<std::vector<KeywordHit>, k_slices - 1> later; // slices 1.. report here, then append
  auto sink = [&](size_t k) { return k == 0 ? &out : &later[k - 1]; };
  std::array<uint32_t, k_slices> state{};
  for (size_t k = 1; k < k_slices; ++k)
    state[k] = walk(p, k * slice - std::min(k * slice, m_max_length), k * slice, 0, nullptr);
  for (size_t i = 0; i < slice; i += k_block) {
    const std::array<uint32_t, k_slices> before = state;
    uint32_t any = 0;
    for (size_t j = i; j < i + k_block; ++j)
      any |= lock_step(p + j, slice, state, std::make_index_sequence<k_slices>{});
    if (any & k_output_bit) [[unlikely]] {
      // Constant indices here too: an indexed loop would keep `before` in memory, and storing it
      // there every block costs more than the walk (a stalled store-to-load forward).
      [&]<size_t... K>(std::index_sequence<K...>) {
        (walk(p, K * slice + i, K * slice + i + k_block, before[K], sink(K)), ...);
      }
      (std::make_index_sequence<k_slices>{});
    }
  }
  walk(p, k_slices * slice, n, state[k_slices - 1], sink(k_slices - 1));
  for (const auto& hits : later)
    out.insert(out.end(), hits.begin(), hits.end());
}

} // namespace custody::secrets
