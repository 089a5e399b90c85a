#pragma once
// Files named in a config file ([secrets] rules, [signing] gpg_keyring) are relative to it.
#include "config/table_reader.hpp"

#include <string>

namespace custody::config {

// `path` unchanged when absolute or empty or when `table`'s file is embedded ("<…>"), else
// relative to the directory of the file `table` was read from.
std::string relative_to_file(const TableReader& table, const std::string& path);

} // namespace custody::config
