#include "util/mapped_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace custody::util {

Result<MappedFile> MappedFile::open(const std::filesystem::path& path) {
  auto failure = [&](std::string_view what) {
    int err = errno;
    return make_error(err == ENOENT ? ErrorCode::not_found : ErrorCode::io_failure,
                      fmt::format("cannot {} {}: {}", what, path.string(), std::strerror(err)));
  };
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return failure("open");
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    auto error = failure("stat");
    ::close(fd);
    return error;
  }
  if (st.st_size == 0) {
    ::close(fd);
    return MappedFile(nullptr, 0);
  }
  void* data = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  if (data == MAP_FAILED) {
    auto error = failure("map");
    ::close(fd);
    return error;
  }
  ::close(fd); // the mapping stays valid
  return MappedFile(static_cast<const char*>(data), static_cast<size_t>(st.st_size));
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    this->~MappedFile();
    m_data = std::exchange(other.m_data, nullptr);
    m_size = std::exchange(other.m_size, 0);
  }
  return *this;
}

MappedFile::~MappedFile() {
  if (m_data)
    ::munmap(const_cast<char*>(m_data), m_size);
}

} // namespace custody::util
