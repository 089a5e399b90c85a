#pragma once
// JSON through nlohmann::json: records are built as values and serialised by the library,
// never pasted together from strings. ordered_json keeps insertion order, which makes ledger
// lines readable (seq and prev first) and their bytes stable.
#include <nlohmann/json.hpp>

#include <string>

namespace custody::util {

using Json = nlohmann::ordered_json;

// Compact one-line serialisation; invalid UTF-8 in strings becomes U+FFFD instead of throwing.
inline std::string dump_compact(const Json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace custody::util
