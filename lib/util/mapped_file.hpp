#pragma once
// A read-only memory map of a whole file: its pages are read only when touched, so a binary
// search over a large sorted file (packed-refs) costs a few pages, not the whole file.
#include "util/result.hpp"

#include <filesystem>
#include <string_view>

namespace custody::util {

class MappedFile {
public:
  // Missing file: ErrorCode::not_found. An empty file maps to an empty view.
  static Result<MappedFile> open(const std::filesystem::path& path);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view view() const { return {m_data, m_size}; }

private:
  MappedFile(const char* data, size_t size) : m_data(data), m_size(size) {}
  const char* m_data = nullptr;
  size_t m_size = 0;
};

} // namespace custody::util
