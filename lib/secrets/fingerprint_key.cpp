// load_or_create_fingerprint_key(): see fingerprint_key.hpp.
#include "secrets/fingerprint_key.hpp"

#include "util/file.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>
#include <openssl/rand.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace custody::secrets {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_hint = "set [secrets].fingerprint_key to a file only the hook's user can "
                               "read (docs/secrets.md, \"Fingerprints\")";

Result<std::string> decode_key(const fs::path& path, std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  if (text.size() != 64 || text.find_first_not_of("0123456789abcdef") != std::string_view::npos)
    return make_error(
        ErrorCode::invalid_config,
        fmt::format("fingerprint key {}: not 64 lower-case hex digits", path.string()), k_hint);
  std::string key(32, '\0');
  for (size_t i = 0; i < 32; ++i)
    key[i] = static_cast<char>(std::stoi(std::string(text.substr(2 * i, 2)), nullptr, 16));
  return key;
}

Result<std::string> read_key(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return make_error(errno == ENOENT ? ErrorCode::not_found : ErrorCode::io_failure,
                      fmt::format("fingerprint key {}: {}", path.string(), std::strerror(errno)),
                      k_hint);
  if ((st.st_mode & 077) != 0)
    return make_error(ErrorCode::invalid_config,
                      fmt::format("fingerprint key {} is readable by others (mode {:o}): "
                                  "chmod 600 it, or fingerprints can be tested offline",
                                  path.string(), st.st_mode & 0777),
                      k_hint);
  auto text = util::read_file(path);
  if (!text)
    return text.error();
  return decode_key(path, *text);
}

Status create_key(const fs::path& path) {
  std::error_code ec;
  if (!path.parent_path().empty() && !fs::exists(path.parent_path(), ec)) {
    fs::create_directories(path.parent_path(), ec);
    if (ec)
      return make_error(
          ErrorCode::io_failure,
          fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message()), k_hint);
    ::chmod(path.parent_path().c_str(), 0700);
  }
  unsigned char raw[32];
  if (RAND_bytes(raw, sizeof raw) != 1)
    return make_error(ErrorCode::io_failure, "no randomness for the fingerprint key", k_hint);
  const std::string hex = util::to_hex(raw, sizeof raw) + "\n";
  const fs::path tmp = path.string() + fmt::format(".tmp.{}", ::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot create {}: {}", tmp.string(), std::strerror(errno)),
                      k_hint);
  bool written =
      ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size()) && ::fsync(fd) == 0;
  ::close(fd);
  // link() never replaces: if another process linked its key first, that key stands.
  int linked = written ? ::link(tmp.c_str(), path.c_str()) : -1;
  int link_errno = errno;
  ::unlink(tmp.c_str());
  if (!written || (linked != 0 && link_errno != EEXIST))
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot write the fingerprint key {}: {}", path.string(),
                                  std::strerror(written ? link_errno : errno)),
                      k_hint);
  return ok_status();
}

} // namespace

fs::path fingerprint_key_path(const SecretsConfig& config, const fs::path& git_dir) {
  if (!config.fingerprint_key.empty())
    return config.fingerprint_key;
  if (git_dir.empty())
    return {};
  return git_dir / "custody" / "fingerprint.key";
}

Result<std::string> load_or_create_fingerprint_key(const fs::path& path) {
  auto key = read_key(path);
  if (key || key.error().code != ErrorCode::not_found)
    return key;
  if (auto created = create_key(path); !created)
    return created.error();
  return read_key(path);
}

} // namespace custody::secrets
