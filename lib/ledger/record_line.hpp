#pragma once
// The byte-level frame of one ledger line, shared by the writer and the verifier:
//
//   {"seq":<n>,"prev":"<64 hex>"<body members>,"hash":"<64 hex>"}
//
// hash = SHA-256 of the line with `,"hash":"<64 hex>"` removed. Verify reads only this frame on
// its hot path (no JSON tree per record), so the frame must be exactly what dump_compact writes.
#include "util/json.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace custody::ledger {

inline constexpr size_t k_hash_hex_size = 64;
inline const std::string k_zero_hash(k_hash_hex_size, '0');
// `,"hash":"` + 64 hex + `"}`
inline constexpr size_t k_hash_suffix_size = 9 + k_hash_hex_size + 2;

// The parts of a line that the chain needs, as views into the line.
struct Frame {
  uint64_t seq = 0;
  std::string_view prev;
  std::string_view hash;
  std::string_view after_prev; // the body members: "" or `,"key":...` up to the hash suffix
};

// Parses the fixed prefix and suffix; nullopt when the line does not have the frame's shape.
// Does not check the body is valid JSON (see json_check.hpp) nor the hash.
std::optional<Frame> parse_frame(std::string_view line);

// The hash a line should carry: SHA-256 hex of the line minus its hash member.
// `line` must have passed parse_frame().
std::string expected_hash(std::string_view line);

// Serialises one record: seq, prev, the optional segment number, then `body`'s members in
// order, then hash. Returns the line without its newline.
std::string make_line(uint64_t seq, const std::string& prev, std::optional<uint64_t> segment,
                      const util::Json& body);

// Keys that only the ledger writes; bodies must not carry them.
bool is_reserved_key(std::string_view key);

// The value of the "segment" member when it directly follows prev (where make_line puts it).
std::optional<uint64_t> frame_segment(const Frame& frame);
// The value of the "type" member when it is the first body member after prev/segment, e.g.
// "recovery" or "checkpoint"; empty otherwise. Only the ledger's own records rely on this.
std::string_view frame_type(const Frame& frame);

} // namespace custody::ledger
