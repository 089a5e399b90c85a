#include "util/file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace custody::util {

namespace {

Status read_fd(int fd, std::string& out, const std::string& what) {
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0)
      return ok_status();
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return make_error(ErrorCode::io_failure,
                        fmt::format("cannot read {}: {}", what, std::strerror(errno)));
    }
    out.append(buffer, static_cast<size_t>(n));
  }
}

} // namespace

Result<std::string> read_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    return make_error(err == ENOENT ? ErrorCode::not_found : ErrorCode::io_failure,
                      fmt::format("cannot open {}: {}", path.string(), std::strerror(err)));
  }
  std::string content;
  Status status = read_fd(fd, content, path.string());
  ::close(fd);
  if (!status)
    return status.error();
  return content;
}

Result<std::string> read_stdin() {
  std::string content;
  CUSTODY_TRY(read_fd(0, content, "standard input"));
  return content;
}

Status write_file_atomic(const std::filesystem::path& path, std::string_view content, int mode) {
  std::string tmp = path.string() + fmt::format(".tmp.{}", ::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0)
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot create {}: {}", tmp, std::strerror(errno)));
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      return make_error(ErrorCode::io_failure,
                        fmt::format("cannot write {}: {}", tmp, std::strerror(err)));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot write {}: {}", path.string(), std::strerror(err)));
  }
  return ok_status();
}

} // namespace custody::util
