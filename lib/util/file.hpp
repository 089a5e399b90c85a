#pragma once
// Whole-file reads and writes with errors as values.
#include "util/result.hpp"

#include <filesystem>
#include <string>

namespace custody::util {

// Reads the whole file. Missing file: ErrorCode::not_found.
Result<std::string> read_file(const std::filesystem::path& path);
// Reads all of standard input (binary-safe).
Result<std::string> read_stdin();
// Writes `content` to a temporary file beside `path`, fsyncs it and renames it into place.
Status write_file_atomic(const std::filesystem::path& path, std::string_view content,
                         int mode = 0644);

} // namespace custody::util
