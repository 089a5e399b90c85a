#pragma once
// Reading a TOML data file that is not a configuration layer (e.g. secret rule files) through the
// same TableReader, so toml++ stays inside lib/config and errors keep their file:line:col.
#include "config/table_reader.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace custody::config {

// Parses `text` (named `file` in messages) and calls `fn` with a reader over the root table,
// which records values' origins in `origins` when given. A TOML syntax error is appended to
// `diags` and `fn` is not called. Returns true if parsed.
bool read_document(std::string_view text, const std::string& file, Diagnostics& diags,
                   const std::function<void(TableReader& root)>& fn, Origins* origins = nullptr);

} // namespace custody::config
