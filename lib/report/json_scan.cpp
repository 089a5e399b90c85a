#include "report/json_scan.hpp"

#include <cstdint>

namespace custody::report {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Skips one JSON string starting at text[pos] == '"'; returns the index after its closing quote.
std::optional<size_t> skip_string(std::string_view text, size_t pos) {
  for (size_t i = pos + 1; i < text.size(); ++i) {
    if (text[i] == '\\')
      ++i;
    else if (text[i] == '"')
      return i + 1;
  }
  return std::nullopt;
}

// Skips one value of any kind; nested containers are skipped by bracket depth.
std::optional<size_t> skip_value(std::string_view text, size_t pos) {
  if (pos >= text.size())
    return std::nullopt;
  char c = text[pos];
  if (c == '"')
    return skip_string(text, pos);
  if (c == '{' || c == '[') {
    int depth = 0;
    for (size_t i = pos; i < text.size(); ++i) {
      char d = text[i];
      if (d == '"') {
        auto end = skip_string(text, i);
        if (!end)
          return std::nullopt;
        i = *end - 1;
      } else if (d == '{' || d == '[') {
        ++depth;
      } else if (d == '}' || d == ']') {
        if (--depth == 0)
          return i + 1;
      }
    }
    return std::nullopt;
  }
  size_t i = pos;
  while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' &&
         !is_space(text[i]))
    ++i;
  return i == pos ? std::nullopt : std::optional<size_t>(i);
}

size_t skip_spaces(std::string_view text, size_t pos) {
  while (pos < text.size() && is_space(text[pos]))
    ++pos;
  return pos;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<uint32_t> hex4(std::string_view s, size_t pos) {
  if (pos + 4 > s.size())
    return std::nullopt;
  uint32_t v = 0;
  for (size_t i = pos; i < pos + 4; ++i) {
    char c = s[i];
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= static_cast<uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= static_cast<uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      v |= static_cast<uint32_t>(c - 'A' + 10);
    else
      return std::nullopt;
  }
  return v;
}

std::string unescape(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    char e = body[++i];
    switch (e) {
    case 'n':
      out += '\n';
      break;
    case 't':
      out += '\t';
      break;
    case 'r':
      out += '\r';
      break;
    case 'b':
      out += '\b';
      break;
    case 'f':
      out += '\f';
      break;
    case 'u': {
      auto cp = hex4(body, i + 1);
      if (!cp) {
        out += "\xEF\xBF\xBD";
        break;
      }
      i += 4;
      if (*cp >= 0xD800 && *cp < 0xDC00 && i + 2 < body.size() && body[i + 1] == '\\' &&
          body[i + 2] == 'u') {
        auto low = hex4(body, i + 3);
        if (low && *low >= 0xDC00 && *low < 0xE000) {
          *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
          i += 6;
        }
      }
      append_utf8(out, *cp);
      break;
    }
    default:
      out += e; // \" \\ \/
    }
  }
  return out;
}

} // namespace

std::optional<ObjectScan> ObjectScan::scan(std::string_view text) {
  ObjectScan result;
  size_t pos = skip_spaces(text, 0);
  if (pos >= text.size() || text[pos] != '{')
    return std::nullopt;
  pos = skip_spaces(text, pos + 1);
  if (pos < text.size() && text[pos] == '}')
    return result;
  for (;;) {
    if (pos >= text.size() || text[pos] != '"')
      return std::nullopt;
    auto key_end = skip_string(text, pos);
    if (!key_end)
      return std::nullopt;
    std::string_view key = text.substr(pos + 1, *key_end - pos - 2);
    pos = skip_spaces(text, *key_end);
    if (pos >= text.size() || text[pos] != ':')
      return std::nullopt;
    pos = skip_spaces(text, pos + 1);
    auto value_end = skip_value(text, pos);
    if (!value_end)
      return std::nullopt;
    result.m_members.emplace_back(key, text.substr(pos, *value_end - pos));
    pos = skip_spaces(text, *value_end);
    if (pos < text.size() && text[pos] == ',') {
      pos = skip_spaces(text, pos + 1);
      continue;
    }
    if (pos < text.size() && text[pos] == '}')
      return result;
    return std::nullopt;
  }
}

std::optional<std::string_view> ObjectScan::raw(std::string_view key) const {
  for (const auto& [k, v] : m_members)
    if (k == key)
      return v;
  return std::nullopt;
}

std::string value_text(std::string_view raw) {
  if (raw.empty() || raw[0] == '{' || raw[0] == '[' || raw == "null")
    return "";
  if (raw[0] == '"')
    return raw.find('\\') == std::string_view::npos ? std::string(raw.substr(1, raw.size() - 2))
                                                    : unescape(raw.substr(1, raw.size() - 2));
  return std::string(raw);
}

std::string ObjectScan::text(std::string_view key) const {
  auto v = raw(key);
  return v ? value_text(*v) : "";
}

bool ObjectScan::flag(std::string_view key) const {
  auto v = raw(key);
  return v && *v == "true";
}

void ObjectScan::each(std::string_view key, const std::function<void(std::string_view)>& fn) const {
  auto v = raw(key);
  if (!v || v->empty() || (*v)[0] != '[')
    return;
  std::string_view arr = *v;
  size_t pos = skip_spaces(arr, 1);
  while (pos < arr.size() && arr[pos] != ']') {
    auto end = skip_value(arr, pos);
    if (!end)
      return;
    fn(arr.substr(pos, *end - pos));
    pos = skip_spaces(arr, *end);
    if (pos < arr.size() && arr[pos] == ',')
      pos = skip_spaces(arr, pos + 1);
  }
}

} // namespace custody::report
