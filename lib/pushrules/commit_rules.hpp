#pragma once
// The rules about one new commit: its message (must match, must not match), its author's email,
// and a DCO sign-off by its author. Judged once per commit and ruleset, whatever number of refs
// gain it. A pattern that cannot be evaluated (match limit) refuses: never a silent pass.
#include "policy/push_scope.hpp"
#include "policy/ruleset.hpp"
#include "pushrules/rules.hpp"

#include <vector>

namespace custody::pushrules {

// The violations of `rules` (from `ruleset`) in `commit`; ref is left empty for the caller.
std::vector<policy::Violation> check_commit(const policy::IntroducedCommit& commit,
                                            const policy::Ruleset& ruleset, const PushRules& rules);

// True if `message` holds a `Signed-off-by: Name <email>` trailer naming `author` (name and
// email compared case-insensitively, as the DCO check of GitHub's DCO app does).
bool signed_off_by(std::string_view message, const git::Signature& author);

} // namespace custody::pushrules
