#include "ledger/lock_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>

namespace custody::ledger {

std::filesystem::path lock_path(const std::filesystem::path& ledger) {
  return ledger.string() + ".lock";
}

Result<UniqueFd> acquire_lock(const std::filesystem::path& ledger, LockMode mode) {
  std::filesystem::path path = lock_path(ledger);
  int flags = mode == LockMode::exclusive ? O_RDWR | O_CREAT : O_RDONLY;
  UniqueFd fd(::open(path.c_str(), flags | O_CLOEXEC, 0640));
  if (!fd.valid()) {
    if (mode == LockMode::shared)
      return UniqueFd();
    return make_error(
        ErrorCode::io_failure,
        fmt::format("cannot open the ledger lock {}: {}", path.string(), std::strerror(errno)),
        "the hook's user must be able to write the ledger's directory");
  }
  int op = mode == LockMode::exclusive ? LOCK_EX : LOCK_SH;
  while (::flock(fd.get(), op) != 0) {
    if (errno == EINTR)
      continue;
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot lock {}: {}", path.string(), std::strerror(errno)));
  }
  return fd;
}

} // namespace custody::ledger
