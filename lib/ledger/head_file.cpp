#include "ledger/head_file.hpp"

#include "util/file.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace custody::ledger {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_magic = "custody-ledger-head 1";

Error damaged(const fs::path& path) {
  return make_error(ErrorCode::invalid_input,
                    fmt::format("the ledger head file {} is damaged", path.string()),
                    "restore it from a backup, or remove it and run `custody log verify "
                    "--accept-gap` to record the loss");
}

Status fsync_parent(const fs::path& path) {
  fs::path dir = path.parent_path();
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot open {}: {}", dir.string(), std::strerror(errno)));
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0 && err != EINVAL)
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot fsync {}: {}", dir.string(), std::strerror(err)));
  return ok_status();
}

} // namespace

Result<std::optional<HeadMark>> read_head_file(const fs::path& path) {
  auto text = util::read_file(path);
  if (!text) {
    if (text.error().code == ErrorCode::not_found)
      return std::optional<HeadMark>();
    return text.error();
  }
  // "custody-ledger-head 1\n<seq> <hash>\n"
  auto lines = util::split(*text, '\n');
  if (lines.size() < 2 || lines[0] != k_magic)
    return damaged(path);
  auto space = lines[1].find(' ');
  if (space == std::string_view::npos)
    return damaged(path);
  std::string seq(lines[1].substr(0, space));
  std::string hash(lines[1].substr(space + 1));
  if (seq.empty() || seq.size() > 19 || seq.find_first_not_of("0123456789") != std::string::npos ||
      hash.size() != 64 || !util::is_hex(hash))
    return damaged(path);
  return std::optional<HeadMark>(HeadMark{std::stoull(seq), hash});
}

Status write_head_file(const fs::path& path, const HeadMark& head) {
  CUSTODY_TRY(util::write_file_atomic(
      path, fmt::format("{}\n{} {}\n", k_magic, head.seq, head.hash), 0640));
  return fsync_parent(path);
}

std::string describe_head(uint64_t seq, const std::string& hash) {
  if (seq == 0)
    return "no record";
  return fmt::format("seq {} (hash {})", seq, hash.substr(0, 12));
}

} // namespace custody::ledger
