#include "cli/install_paths.hpp"

#include <fmt/format.h>

#include <unistd.h>

namespace custody::cli {

namespace fs = std::filesystem;

fs::path hook_binary_dir(const util::Environment& env) {
  if (auto dir = env.get_nonempty("CUSTODY_LIBEXEC_DIR"))
    return *dir;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return (self.parent_path() / ".." / "libexec" / "custody").lexically_normal();
}

Result<fs::path> hook_binary(const util::Environment& env, const std::string& name) {
  fs::path path = hook_binary_dir(env) / name;
  if (::access(path.c_str(), X_OK) != 0)
    return make_error(
        ErrorCode::not_found,
        fmt::format("hook executable {} is missing or not executable", path.string()),
        "reinstall custody, or set CUSTODY_LIBEXEC_DIR to the directory holding its hooks");
  return path;
}

} // namespace custody::cli
