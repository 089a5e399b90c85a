#pragma once
// Installing one custody hook into a hooks directory, safely: a hook that is not ours is never
// overwritten unless forced, and then it is kept beside ours rather than deleted. Installing
// twice changes nothing. Our hooks are symlinks to the executables in libexec/custody, so an
// upgrade of custody upgrades every repository, and a removed custody fails closed (git refuses
// a push whose pre-receive cannot run).
#include "util/result.hpp"

#include <filesystem>
#include <string>

namespace custody::install {

enum class Force { no, yes };

enum class Outcome {
  installed,         // there was no hook
  already_installed, // ours was already there, pointing at the same executable
  updated,           // ours was there, pointing at another custody executable
  replaced_foreign,  // a foreign hook was moved aside (forced)
};

struct InstallResult {
  Outcome outcome;
  std::filesystem::path hook_path;
  std::filesystem::path backup_path; // where a foreign hook was moved (replaced_foreign only)
};

// True if `hook_path` is a custody hook: a symlink to one of the hook executables in some
// libexec/custody directory (under any name, e.g. pre-receive.d/custody).
bool is_custody_hook(const std::filesystem::path& hook_path);

// Installs `binary` as `hooks_dir/name`.
Result<InstallResult> install_hook(const std::filesystem::path& hooks_dir, const std::string& name,
                                   const std::filesystem::path& binary, Force force);

// Removes `hooks_dir/name` if it is ours, restoring a foreign hook we moved aside.
Result<bool> uninstall_hook(const std::filesystem::path& hooks_dir, const std::string& name);

} // namespace custody::install
