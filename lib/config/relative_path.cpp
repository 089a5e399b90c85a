// relative_to_file(); see relative_path.hpp.
#include "config/relative_path.hpp"

#include <filesystem>

namespace custody::config {

std::string relative_to_file(const TableReader& table, const std::string& path) {
  if (path.empty() || std::filesystem::path(path).is_absolute() || table.file().starts_with("<"))
    return path;
  return (std::filesystem::path(table.file()).parent_path() / path).string();
}

} // namespace custody::config
