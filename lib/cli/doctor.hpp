#pragma once
// The checks behind `custody doctor`: an installation that looks fine can still fail open (a
// hook git ignores because it lost its x bit, a dangling link, a Gitea .d hook with no wrapper
// to run it). Each finding says what is wrong and what to do about it.
#include "util/env.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace custody::cli {

enum class Severity { ok, warning, problem };

struct Finding {
  Severity severity;
  std::string what; // one line
  std::string fix;  // one line; empty for ok
};

// Examines the repository at `repo_path` as the hooks would see it.
std::vector<Finding> run_doctor(const std::filesystem::path& repo_path,
                                const util::Environment& env);

} // namespace custody::cli
