#pragma once
// A syntax-only JSON check (RFC 8259), no tree built: verify must reject a line that is not a
// JSON object without paying for a full parse of every record.
#include <string_view>

namespace custody::ledger {

// True when `text` is exactly one JSON object (no trailing bytes, nesting ≤ 64, strings free of
// raw control characters). UTF-8 is not validated: the hash covers the raw bytes anyway.
bool is_json_object(std::string_view text);

} // namespace custody::ledger
