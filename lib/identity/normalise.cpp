// Look-alike folding for names and addresses; see normalise.hpp.
#include "identity/normalise.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace custody::identity {

namespace {

// Code point → the ASCII letter it looks like (sorted by code point for binary search).
constexpr std::pair<char32_t, char> k_confusables[] = {
    {0x00C0, 'a'}, {0x00C1, 'a'}, {0x00C2, 'a'}, {0x00C3, 'a'}, {0x00C4, 'a'}, {0x00C5, 'a'},
    {0x00C7, 'c'}, {0x00C8, 'e'}, {0x00C9, 'e'}, {0x00CA, 'e'}, {0x00CB, 'e'}, {0x00CC, 'i'},
    {0x00CD, 'i'}, {0x00CE, 'i'}, {0x00CF, 'i'}, {0x00D1, 'n'}, {0x00D2, 'o'}, {0x00D3, 'o'},
    {0x00D4, 'o'}, {0x00D5, 'o'}, {0x00D6, 'o'}, {0x00D8, 'o'}, {0x00D9, 'u'}, {0x00DA, 'u'},
    {0x00DB, 'u'}, {0x00DC, 'u'}, {0x00DD, 'y'}, {0x00E0, 'a'}, {0x00E1, 'a'}, {0x00E2, 'a'},
    {0x00E3, 'a'}, {0x00E4, 'a'}, {0x00E5, 'a'}, {0x00E7, 'c'}, {0x00E8, 'e'}, {0x00E9, 'e'},
    {0x00EA, 'e'}, {0x00EB, 'e'}, {0x00EC, 'i'}, {0x00ED, 'i'}, {0x00EE, 'i'}, {0x00EF, 'i'},
    {0x00F1, 'n'}, {0x00F2, 'o'}, {0x00F3, 'o'}, {0x00F4, 'o'}, {0x00F5, 'o'}, {0x00F6, 'o'},
    {0x00F8, 'o'}, {0x00F9, 'u'}, {0x00FA, 'u'}, {0x00FB, 'u'}, {0x00FC, 'u'}, {0x00FD, 'y'},
    {0x00FF, 'y'}, {0x0131, 'i'}, {0x0261, 'g'}, {0x0391, 'a'}, {0x0392, 'b'}, {0x0395, 'e'},
    {0x0396, 'z'}, {0x0397, 'h'}, {0x0399, 'i'}, {0x039A, 'k'}, {0x039C, 'm'}, {0x039D, 'n'},
    {0x039F, 'o'}, {0x03A1, 'p'}, {0x03A4, 't'}, {0x03A5, 'y'}, {0x03A7, 'x'}, {0x03B1, 'a'},
    {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C4, 't'},
    {0x03C5, 'u'}, {0x03C7, 'x'}, {0x0405, 's'}, {0x0406, 'i'}, {0x0408, 'j'}, {0x0410, 'a'},
    {0x0412, 'b'}, {0x0415, 'e'}, {0x041A, 'k'}, {0x041C, 'm'}, {0x041D, 'h'}, {0x041E, 'o'},
    {0x0420, 'p'}, {0x0421, 'c'}, {0x0422, 't'}, {0x0423, 'y'}, {0x0425, 'x'}, {0x0430, 'a'},
    {0x0432, 'b'}, {0x0435, 'e'}, {0x043A, 'k'}, {0x043C, 'm'}, {0x043D, 'h'}, {0x043E, 'o'},
    {0x0440, 'p'}, {0x0441, 'c'}, {0x0442, 't'}, {0x0443, 'y'}, {0x0445, 'x'}, {0x0455, 's'},
    {0x0456, 'i'}, {0x0458, 'j'}, {0x04BB, 'h'}, {0x04C0, 'l'}, {0x0501, 'd'}, {0x051B, 'q'},
    {0x051D, 'w'}, {0x13A0, 'd'}, {0x13A1, 'r'}, {0x13A2, 't'}, {0x13AA, 'a'}, {0x13B3, 'w'},
    {0x13B7, 'm'}, {0x13BB, 'h'}, {0x13C0, 'g'}, {0x13C3, 'z'}, {0x13CF, 'b'}, {0x13DA, 's'},
    {0x13DE, 'l'}, {0x13DF, 'c'}, {0x13E2, 'p'}, {0x13E6, 'k'}, {0x2170, 'i'}, {0x217C, 'l'},
    {0x217D, 'c'}, {0x217E, 'd'}, {0x217F, 'm'},
};

bool invisible(char32_t c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) ||
         c == 0xFEFF || c == 0x034F || (c >= 0xFE00 && c <= 0xFE0F);
}

// Decodes one UTF-8 sequence at `s[i]`; returns its length, or 0 if it is not valid UTF-8.
size_t decode(std::string_view s, size_t i, char32_t& out) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size())
    return 0;
  out = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c >> 6) != 2)
      return 0;
    out = (out << 6) | (c & 0x3F);
  }
  return len;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The ASCII text a code point folds to, or "" when it has no folding (kept as is).
std::string fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) // fullwidth ASCII
    return std::string(1, static_cast<char>(c - 0xFEE0));
  if (c >= 0x1D400 && c <= 0x1D6A3) { // mathematical alphanumerics: 52-letter runs A..Z a..z
    const auto k = static_cast<char>((c - 0x1D400) % 52);
    return std::string(1, k < 26 ? static_cast<char>('a' + k) : static_cast<char>('a' + k - 26));
  }
  if (c >= 0x1D7CE && c <= 0x1D7FF) // mathematical digits: 10-digit runs
    return std::string(1, static_cast<char>('0' + (c - 0x1D7CE) % 10));
  if (c >= 0x2070 && c <= 0x2079 && c != 0x2071 && c != 0x2072 && c != 0x2073)
    return std::string(1, static_cast<char>('0' + (c - 0x2070)));
  if (c == 0xFB00)
    return "ff";
  if (c == 0xFB01)
    return "fi";
  if (c == 0xFB02)
    return "fl";
  if (c >= 0x2010 && c <= 0x2015) // hyphens and dashes
    return "-";
  auto it = std::lower_bound(std::begin(k_confusables), std::end(k_confusables), c,
                             [](const auto& e, char32_t v) { return e.first < v; });
  if (it != std::end(k_confusables) && it->first == c)
    return std::string(1, it->second);
  return "";
}

} // namespace

std::string skeleton(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t c = 0;
    size_t len = decode(text, i, c);
    if (len == 0) { // not UTF-8: keep the byte
      out += text[i++];
      continue;
    }
    i += len;
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (!invisible(c)) {
      std::string folded = fold(c);
      if (folded.empty())
        append_utf8(out, c);
      else
        for (char f : folded)
          out += static_cast<char>(f >= 'A' && f <= 'Z' ? f - 'A' + 'a' : f);
    }
  }
  return out;
}

std::string normalise_name(std::string_view name) {
  if (size_t slash = name.rfind('\\'); slash != std::string_view::npos)
    name.remove_prefix(slash + 1);
  std::string out = skeleton(name);
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  size_t start = out.find_first_not_of(' ');
  return start == std::string::npos ? "" : out.substr(start);
}

std::string normalise_email(std::string_view email) {
  std::string out = skeleton(email);
  size_t at = out.rfind('@');
  if (at == std::string::npos)
    return out;
  size_t plus = out.find('+');
  if (plus != std::string::npos && plus < at && plus > 0)
    out.erase(plus, at - plus);
  return out;
}

} // namespace custody::identity
