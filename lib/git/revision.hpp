#pragma once
// Turning what a person types (a branch, a tag, "HEAD~3", an abbreviated id) into a commit id, the
// way `git rev-parse <rev>^{commit}` does: the admin CLI takes revisions, the checks take ids.
#include "git/repo.hpp"

#include <string>

namespace custody::git {

// The full hex id of the commit `spec` names (annotated tags are peeled); an error naming the
// revision when it does not exist or does not lead to a commit.
Result<std::string> resolve_commit(const Repo& repo, const std::string& spec);

} // namespace custody::git
