// Aho-Corasick construction (trie, BFS failure links, dense DFA) and the interleaved walk.
#include "secrets/keyword_index.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <deque>
#include <map>

namespace custody::secrets {

KeywordIndex KeywordIndex::build(const std::vector<std::string>& keywords) {
  KeywordIndex index;
  // Alphabet: one class per distinct (lower-cased) byte used by a keyword; class 0 for the rest.
  for (const auto& k : keywords)
    for (char c : k) {
      auto lc = static_cast<unsigned char>(util::ascii_lower(c));
      if (!index.m_class[lc])
        index.m_class[lc] = static_cast<uint8_t>(index.m_classes++);
    }
  for (int c = 'A'; c <= 'Z'; ++c)
    index.m_class[c] = index.m_class[c - 'A' + 'a'];
  const uint32_t classes = index.m_classes;

  // Trie.
  std::vector<std::vector<int32_t>> next(1, std::vector<int32_t>(classes, -1));
  std::vector<std::vector<uint32_t>> outputs(1);
  for (uint32_t ki = 0; ki < keywords.size(); ++ki) {
    size_t s = 0;
    for (char c : keywords[ki]) {
      uint8_t cls = index.m_class[static_cast<unsigned char>(c)];
      if (next[s][cls] < 0) {
        next[s][cls] = static_cast<int32_t>(next.size());
        next.emplace_back(classes, -1);
        outputs.emplace_back();
      }
      s = static_cast<size_t>(next[s][cls]);
    }
    outputs[s].push_back(ki);
    index.m_lengths.push_back(static_cast<uint32_t>(keywords[ki].size()));
    index.m_max_length = std::max(index.m_max_length, keywords[ki].size());
  }

  // BFS: failure links folded into a complete DFA, outputs merged along suffix links.
  std::vector<size_t> fail(next.size(), 0);
  std::deque<size_t> queue;
  for (uint32_t c = 0; c < classes; ++c) {
    if (next[0][c] < 0) {
      next[0][c] = 0;
    } else {
      fail[static_cast<size_t>(next[0][c])] = 0;
      queue.push_back(static_cast<size_t>(next[0][c]));
    }
  }
  while (!queue.empty()) {
    size_t s = queue.front();
    queue.pop_front();
    auto& out = outputs[s];
    const auto& inherited = outputs[fail[s]];
    out.insert(out.end(), inherited.begin(), inherited.end());
    for (uint32_t c = 0; c < classes; ++c) {
      int32_t t = next[s][c];
      if (t < 0) {
        next[s][c] = next[fail[s]][c];
      } else {
        fail[static_cast<size_t>(t)] = static_cast<size_t>(next[fail[s]][c]);
        queue.push_back(static_cast<size_t>(t));
      }
    }
  }

  index.m_state_count = next.size();
  index.m_delta.resize(next.size() * classes);
  index.m_output_begin.resize(next.size() + 1);
  for (size_t s = 0; s < next.size(); ++s) {
    index.m_output_begin[s] = static_cast<uint32_t>(index.m_outputs.size());
    index.m_outputs.insert(index.m_outputs.end(), outputs[s].begin(), outputs[s].end());
    for (uint32_t c = 0; c < classes; ++c) {
      auto t = static_cast<size_t>(next[s][c]);
      uint32_t v = static_cast<uint32_t>(t * classes);
      if (!outputs[t].empty())
        v |= k_output_bit;
      index.m_delta[s * classes + c] = v;
    }
  }
  index.m_output_begin[next.size()] = static_cast<uint32_t>(index.m_outputs.size());
  return index;
}

void KeywordIndex::walk(const unsigned char* p, size_t begin, size_t end, size_t report_from,
                        std::vector<KeywordHit>& out) const {
  const uint32_t* delta = m_delta.data();
  uint32_t s = 0;
  for (size_t i = begin; i < end; ++i) {
    s = delta[(s & ~k_output_bit) + m_class[p[i]]];
    if ((s & k_output_bit) && i + 1 > report_from) {
      uint32_t state = (s & ~k_output_bit) / m_classes;
      for (uint32_t o = m_output_begin[state]; o < m_output_begin[state + 1]; ++o)
        out.push_back({m_outputs[o], static_cast<uint32_t>(i + 1)});
    }
  }
}

void KeywordIndex::find_all(std::string_view text, std::vector<KeywordHit>& out) const {
  if (m_lengths.empty() || text.empty())
    return;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  if (n < 4096) {
    walk(p, 0, n, 0, out);
    return;
  }
  // Two chains: [0, mid) and [mid - overlap, n). The second reports only hits ending past mid,
  // and starts early enough to see any keyword that straddles mid.
  const size_t mid = n / 2;
  const size_t second_begin = mid - std::min(mid, m_max_length);
  std::vector<KeywordHit> second;
  const uint32_t* delta = m_delta.data();
  uint32_t s1 = 0, s2 = 0;
  size_t i = 0, j = second_begin;
  const size_t first_len = mid;
  const size_t second_len = n - second_begin;
  const size_t common = std::min(first_len, second_len);
  for (size_t k = 0; k < common; ++k, ++i, ++j) {
    s1 = delta[(s1 & ~k_output_bit) + m_class[p[i]]];
    s2 = delta[(s2 & ~k_output_bit) + m_class[p[j]]];
    if ((s1 | s2) & k_output_bit) [[unlikely]] {
      if (s1 & k_output_bit) {
        uint32_t state = (s1 & ~k_output_bit) / m_classes;
        for (uint32_t o = m_output_begin[state]; o < m_output_begin[state + 1]; ++o)
          out.push_back({m_outputs[o], static_cast<uint32_t>(i + 1)});
      }
      if ((s2 & k_output_bit) && j + 1 > mid) {
        uint32_t state = (s2 & ~k_output_bit) / m_classes;
        for (uint32_t o = m_output_begin[state]; o < m_output_begin[state + 1]; ++o)
          second.push_back({m_outputs[o], static_cast<uint32_t>(j + 1)});
      }
    }
  }
  // Finish whichever chain is longer, continuing from its current state.
  auto finish = [&](uint32_t s, size_t from, size_t to, size_t report_from,
                    std::vector<KeywordHit>& dst) {
    for (size_t x = from; x < to; ++x) {
      s = delta[(s & ~k_output_bit) + m_class[p[x]]];
      if ((s & k_output_bit) && x + 1 > report_from) {
        uint32_t state = (s & ~k_output_bit) / m_classes;
        for (uint32_t o = m_output_begin[state]; o < m_output_begin[state + 1]; ++o)
          dst.push_back({m_outputs[o], static_cast<uint32_t>(x + 1)});
      }
    }
  };
  finish(s1, i, mid, 0, out);
  finish(s2, j, n, mid, second);
  out.insert(out.end(), second.begin(), second.end());
}

} // namespace custody::secrets
