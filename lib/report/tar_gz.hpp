#pragma once
// A .tar.gz of a folder, written here (POSIX ustar + zlib's gzip stream) so the bundle does not
// depend on a tar binary and is byte-for-byte reproducible: entries in path order, owner 0,
// mode 0644/0755, mtime fixed to `mtime` (the bundle's generation time).
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>

namespace custody::report {

// Writes `archive` holding `dir`'s files under the top-level name dir.filename().
Status write_tar_gz(const std::filesystem::path& dir, const std::filesystem::path& archive,
                    int64_t mtime);

} // namespace custody::report
