// indented_pem_blocks(), decoded_segments(): see derived_text.hpp.
#include "secrets/derived_text.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace custody::secrets {

namespace {

constexpr size_t k_max_pem_block = 64 * 1024;
constexpr size_t k_min_base64 = 16, k_min_hex = 32, k_min_decoded = 8;

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

enum : uint8_t { b64 = 1, url = 2, hex = 4 };

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum || c == '+' || c == '/')
      t[c] |= b64;
    if (alnum || c == '-' || c == '_')
      t[c] |= url;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
      t[c] |= hex;
  }
  return t;
}
constexpr auto k_classes = make_classes();

int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (c >= '0' && c <= '9')
    return c - '0' + 52;
  if (c == '+' || c == '-')
    return 62;
  if (c == '/' || c == '_')
    return 63;
  return -1;
}

// Decoded bytes worth scanning: text, not the random bytes a key or an image decodes to.
bool reads_as_text(std::string_view s) {
  if (s.size() < k_min_decoded)
    return false;
  size_t printable = 0;
  for (unsigned char c : s) {
    if (c == 0)
      return false;
    printable += (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\r' || c == '\t';
  }
  return printable * 10 >= s.size() * 9;
}

std::string decode_base64(std::string_view run) {
  std::string out;
  out.reserve(run.size() * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : run) {
    int v = base64_value(c);
    if (v < 0)
      break; // padding
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return out;
}

std::string decode_hex(std::string_view run) {
  std::string out;
  out.reserve(run.size() / 2);
  for (size_t i = 0; i + 1 < run.size(); i += 2)
    out += static_cast<char>(hex_value(run[i]) * 16 + hex_value(run[i + 1]));
  return out;
}

bool percent_escape_at(std::string_view text, size_t i) {
  return i + 2 < text.size() && text[i] == '%' && hex_value(text[i + 1]) >= 0 &&
         hex_value(text[i + 2]) >= 0;
}

bool in_percent_run(char c) {
  return static_cast<unsigned char>(c) > 0x20 && c != '"' && c != '\'' && c != '`' && c != '<' &&
         c != '>' && c != 0x7f;
}

std::string decode_percent(std::string_view run, size_t& escapes) {
  std::string out;
  escapes = 0;
  for (size_t i = 0; i < run.size(); ++i) {
    if (percent_escape_at(run, i)) {
      out += static_cast<char>(hex_value(run[i + 1]) * 16 + hex_value(run[i + 2]));
      i += 2;
      ++escapes;
    } else {
      out += run[i];
    }
  }
  return out;
}

struct Collector {
  std::vector<DerivedText>& out;
  size_t budget;
  void add(std::string decoded, const char* how, size_t start, size_t end) {
    if (decoded.size() > budget || !reads_as_text(decoded))
      return;
    budget -= decoded.size();
    DerivedText d;
    d.text = std::move(decoded);
    d.how = how;
    d.origin_start = start;
    d.origin_end = end;
    out.push_back(std::move(d));
  }
};

void add_alphabet_runs(std::string_view text, Collector& c) {
  size_t i = 0;
  while (i < text.size()) {
    if (!(k_classes[static_cast<unsigned char>(text[i])] & (b64 | url))) {
      ++i;
      continue;
    }
    size_t j = i;
    uint8_t all = b64 | url | hex;
    while (j < text.size() && (k_classes[static_cast<unsigned char>(text[j])] & (b64 | url)))
      all &= k_classes[static_cast<unsigned char>(text[j++])];
    size_t run_end = j;
    while (j < text.size() && j - run_end < 2 && text[j] == '=')
      ++j;
    std::string_view run = text.substr(i, run_end - i);
    if ((all & hex) && run.size() >= k_min_hex && run.size() % 2 == 0)
      c.add(decode_hex(run), "hex", i, run_end);
    else if (run.size() >= k_min_base64 && (all & (b64 | url)))
      c.add(decode_base64(run), "base64", i, j);
    i = j;
  }
}

void add_percent_runs(std::string_view text, Collector& c) {
  size_t i = 0;
  while (i < text.size()) {
    const void* p = std::memchr(text.data() + i, '%', text.size() - i);
    if (!p)
      return;
    i = static_cast<size_t>(static_cast<const char*>(p) - text.data());
    if (!percent_escape_at(text, i)) {
      ++i;
      continue;
    }
    size_t start = i, end = i;
    while (start > 0 && in_percent_run(text[start - 1]))
      --start;
    while (end < text.size() && in_percent_run(text[end]))
      ++end;
    size_t escapes = 0;
    std::string decoded = decode_percent(text.substr(start, end - start), escapes);
    if (escapes >= 1)
      c.add(std::move(decoded), "percent", start, end);
    i = end;
  }
}

} // namespace

size_t DerivedText::to_parent(size_t derived_offset) const {
  if (lines.empty())
    return origin_start;
  auto it = std::upper_bound(lines.begin(), lines.end(), std::make_pair(derived_offset, SIZE_MAX));
  if (it == lines.begin())
    return origin_start;
  --it;
  return it->second + (derived_offset - it->first);
}

std::vector<DerivedText> indented_pem_blocks(std::string_view text) {
  std::vector<DerivedText> out;
  constexpr std::string_view begin = "-----BEGIN ";
  size_t pos = 0;
  while ((pos = text.find(begin, pos)) != std::string_view::npos) {
    size_t line_start = pos;
    while (line_start > 0 && text[line_start - 1] != '\n')
      --line_start;
    size_t next_line = text.find('\n', pos);
    bool indented =
        pos > line_start && std::all_of(text.begin() + static_cast<long>(line_start),
                                        text.begin() + static_cast<long>(pos), is_blank);
    bool body_indented = next_line != std::string_view::npos && next_line + 1 < text.size() &&
                         is_blank(text[next_line + 1]);
    if (!indented && !body_indented) {
      pos += begin.size();
      continue;
    }
    size_t limit = std::min(text.size(), pos + k_max_pem_block);
    size_t end = text.find("-----END ", pos);
    end = end == std::string_view::npos || end > limit ? limit : text.find('\n', end);
    if (end == std::string_view::npos)
      end = text.size();
    DerivedText d;
    d.how = "indented";
    d.origin_start = pos;
    d.origin_end = end;
    for (size_t l = pos; l < end;) {
      while (l < end && is_blank(text[l]))
        ++l;
      size_t nl = text.find('\n', l);
      size_t stop = nl == std::string_view::npos || nl >= end ? end : nl + 1;
      d.lines.emplace_back(d.text.size(), l);
      d.text.append(text.substr(l, stop - l));
      l = stop;
    }
    out.push_back(std::move(d));
    pos = end;
  }
  return out;
}

std::vector<DerivedText> decoded_segments(std::string_view text, size_t budget) {
  std::vector<DerivedText> out;
  Collector c{out, budget};
  add_alphabet_runs(text, c);
  add_percent_runs(text, c);
  return out;
}

} // namespace custody::secrets
