// Frame parsing and line hashing: the part of the ledger format every other piece trusts.
#include "ledger/record_line.hpp"

#include "ledger/line_hasher.hpp"
#include "util/sha256.hpp"

#include <array>
#include <stdexcept>

namespace custody::ledger {

namespace {

constexpr std::string_view k_seq_key = "{\"seq\":";
constexpr std::string_view k_prev_key = ",\"prev\":\"";
constexpr std::string_view k_hash_key = ",\"hash\":\"";
constexpr std::string_view k_segment_key = ",\"segment\":";
constexpr std::string_view k_type_key = ",\"type\":\"";

bool is_lower_hex(std::string_view s) {
  static const auto k_table = [] {
    std::array<bool, 256> t{};
    for (char c : std::string_view("0123456789abcdef"))
      t[static_cast<unsigned char>(c)] = true;
    return t;
  }();
  bool ok = true;
  for (char c : s)
    ok &= k_table[static_cast<unsigned char>(c)];
  return ok;
}

// Reads a JSON unsigned integer without leading zeros at `pos`.
std::optional<uint64_t> read_uint(std::string_view s, size_t& pos) {
  size_t start = pos;
  uint64_t value = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
    uint64_t digit = static_cast<uint64_t>(s[pos] - '0');
    if (value > (UINT64_MAX - digit) / 10)
      return std::nullopt;
    value = value * 10 + digit;
    ++pos;
  }
  if (pos == start || (s[start] == '0' && pos - start > 1))
    return std::nullopt;
  return value;
}

} // namespace

std::optional<Frame> parse_frame(std::string_view line) {
  if (line.size() <
      k_seq_key.size() + 1 + k_prev_key.size() + k_hash_hex_size + 1 + k_hash_suffix_size)
    return std::nullopt;
  if (line.substr(0, k_seq_key.size()) != k_seq_key)
    return std::nullopt;
  Frame frame;
  size_t pos = k_seq_key.size();
  auto seq = read_uint(line, pos);
  if (!seq)
    return std::nullopt;
  frame.seq = *seq;
  if (line.substr(pos, k_prev_key.size()) != k_prev_key)
    return std::nullopt;
  pos += k_prev_key.size();
  frame.prev = line.substr(pos, k_hash_hex_size);
  pos += k_hash_hex_size;
  if (frame.prev.size() != k_hash_hex_size || !is_lower_hex(frame.prev) || pos >= line.size() ||
      line[pos] != '"')
    return std::nullopt;
  ++pos;
  size_t suffix = line.size() - k_hash_suffix_size;
  if (suffix < pos || line.substr(suffix, k_hash_key.size()) != k_hash_key ||
      line.substr(line.size() - 2) != "\"}")
    return std::nullopt;
  frame.hash = line.substr(suffix + k_hash_key.size(), k_hash_hex_size);
  if (!is_lower_hex(frame.hash))
    return std::nullopt;
  frame.after_prev = line.substr(pos, suffix - pos);
  return frame;
}

std::string expected_hash(std::string_view line) {
  // One OpenSSL context per thread, reset per line: verify hashes a million lines a second.
  thread_local LineHasher hasher;
  return hasher.hash_without_suffix(line);
}

std::string make_line(uint64_t seq, const std::string& prev, std::optional<uint64_t> segment,
                      const util::Json& body) {
  util::Json record = util::Json::object();
  record["seq"] = seq;
  record["prev"] = prev;
  if (segment)
    record["segment"] = *segment;
  for (const auto& [key, value] : body.items())
    record[key] = value;
  std::string hash = util::sha256_hex(util::dump_compact(record));
  record["hash"] = hash;
  std::string line = util::dump_compact(record);
  // The frame is a contract with verify; a serialiser that broke it must not go unnoticed.
  if (!parse_frame(line) || expected_hash(line) != hash)
    throw std::logic_error("ledger: serialised record does not match the ledger frame");
  return line;
}

bool is_reserved_key(std::string_view key) {
  return key == "seq" || key == "prev" || key == "hash" || key == "segment";
}

std::optional<uint64_t> frame_segment(const Frame& frame) {
  std::string_view rest = frame.after_prev;
  if (rest.substr(0, k_segment_key.size()) != k_segment_key)
    return std::nullopt;
  size_t pos = k_segment_key.size();
  auto value = read_uint(rest, pos);
  if (!value || (pos < rest.size() && rest[pos] != ','))
    return std::nullopt;
  return value;
}

std::string_view frame_type(const Frame& frame) {
  std::string_view rest = frame.after_prev;
  if (rest.substr(0, k_segment_key.size()) == k_segment_key) {
    size_t comma = rest.find(',', 1);
    if (comma == std::string_view::npos)
      return {};
    rest = rest.substr(comma);
  }
  if (rest.substr(0, k_type_key.size()) != k_type_key)
    return {};
  rest = rest.substr(k_type_key.size());
  size_t quote = rest.find('"');
  if (quote == std::string_view::npos)
    return {};
  std::string_view type = rest.substr(0, quote);
  if (type.find('\\') != std::string_view::npos)
    return {};
  return type;
}

} // namespace custody::ledger
