#pragma once
// Where custody's own files are: the hook executables live in <prefix>/libexec/custody/, beside
// <prefix>/bin/custody, in the install tree and the build tree alike.
#include "util/env.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <string>

namespace custody::cli {

// $CUSTODY_LIBEXEC_DIR if set, else <dir of this executable>/../libexec/custody.
std::filesystem::path hook_binary_dir(const util::Environment& env);
// The hook executable `name`, checked to exist and be executable.
Result<std::filesystem::path> hook_binary(const util::Environment& env, const std::string& name);

} // namespace custody::cli
