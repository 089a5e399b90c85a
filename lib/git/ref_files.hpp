#pragma once
// Refs read straight from git's files backend (loose files under refs/ and packed-refs), only
// those matching some patterns. libgit2 parses and caches all of packed-refs whenever it lists
// or looks up a ref: 93M instructions for 20k refs (callgrind), on every push. Here the loose
// refs are read only under the patterns' literal prefixes and packed-refs is scanned once, so a
// push hook that needs the protected refs' tips does not pay for every other ref.
#include "util/glob.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace custody::git {

struct RefTip {
  std::string name;   // "refs/heads/main"
  std::string target; // the object id the ref points at (lower-case hex)
};

// Direct refs whose names match any of `patterns` (symbolic refs are skipped), sorted by name; a
// loose ref overrides its packed value, as in git. `common_dir` is the repository's git dir
// (for a linked work tree, the main one). Unreadable files are errors, not silently skipped.
Result<std::vector<RefTip>> read_matching_refs(const std::filesystem::path& common_dir,
                                               const std::vector<util::Glob>& patterns);

} // namespace custody::git
