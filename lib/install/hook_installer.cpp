#include "install/hook_installer.hpp"

#include <fmt/format.h>

namespace custody::install {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_backup_suffix = ".pre-custody";

Error io_error(const std::string& what, const std::error_code& ec) {
  return make_error(ErrorCode::io_failure, fmt::format("{}: {}", what, ec.message()));
}

} // namespace

bool is_custody_hook(const fs::path& hook_path) {
  std::error_code ec;
  if (!fs::is_symlink(fs::symlink_status(hook_path, ec)))
    return false;
  fs::path target = fs::read_symlink(hook_path, ec);
  if (ec)
    return false;
  fs::path dir = target.parent_path();
  // Hosts' `<hook>.d/` directories name the link "custody", gitolite's repo-specific hooks
  // "custody-<hook>": the link's own name need not be the hook's.
  const fs::path file = target.filename();
  const bool hook_name = file == hook_path.filename() || file == "pre-receive" ||
                         file == "update" || file == "post-receive" || file == "commit-msg";
  return hook_name && dir.filename() == "custody" && dir.parent_path().filename() == "libexec";
}

Result<InstallResult> install_hook(const fs::path& hooks_dir, const std::string& name,
                                   const fs::path& binary, Force force) {
  std::error_code ec;
  fs::create_directories(hooks_dir, ec);
  if (ec)
    return io_error(fmt::format("cannot create {}", hooks_dir.string()), ec);
  InstallResult result{Outcome::installed, hooks_dir / name, {}};
  const fs::path& hook = result.hook_path;
  auto status = fs::symlink_status(hook, ec);
  if (fs::exists(status) || fs::is_symlink(status)) {
    if (is_custody_hook(hook)) {
      if (fs::read_symlink(hook) == binary)
        return InstallResult{Outcome::already_installed, hook, {}};
      result.outcome = Outcome::updated;
    } else if (force == Force::no) {
      return make_error(ErrorCode::invalid_input,
                        fmt::format("{} already exists and is not a custody hook; not replacing it",
                                    hook.string()),
                        "run again with --force to move it aside (it is kept as " + name +
                            k_backup_suffix + ")");
    } else {
      fs::path backup = hook;
      backup += k_backup_suffix;
      for (int i = 1; fs::exists(fs::symlink_status(backup, ec)); ++i) {
        backup = hook;
        backup += fmt::format("{}.{}", k_backup_suffix, i);
      }
      fs::rename(hook, backup, ec);
      if (ec)
        return io_error(fmt::format("cannot move {} aside", hook.string()), ec);
      result.outcome = Outcome::replaced_foreign;
      result.backup_path = backup;
    }
  }
  // Create the link under a temporary name and rename it into place: a concurrent push sees
  // either the old hook or the new one, never none.
  fs::path tmp = hook;
  tmp += ".custody-tmp";
  fs::remove(tmp, ec);
  fs::create_symlink(binary, tmp, ec);
  if (ec)
    return io_error(fmt::format("cannot create {}", tmp.string()), ec);
  fs::rename(tmp, hook, ec);
  if (ec)
    return io_error(fmt::format("cannot install {}", hook.string()), ec);
  return result;
}

Result<bool> uninstall_hook(const fs::path& hooks_dir, const std::string& name) {
  fs::path hook = hooks_dir / name;
  if (!is_custody_hook(hook))
    return false;
  std::error_code ec;
  fs::remove(hook, ec);
  if (ec)
    return io_error(fmt::format("cannot remove {}", hook.string()), ec);
  fs::path backup = hook;
  backup += k_backup_suffix;
  if (fs::exists(fs::symlink_status(backup, ec))) {
    fs::rename(backup, hook, ec);
    if (ec)
      return io_error(fmt::format("cannot restore {}", backup.string()), ec);
  }
  return true;
}

} // namespace custody::install
